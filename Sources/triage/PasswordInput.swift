import ArgumentParser
import Foundation

/// Reads a new password without it ever being an argument: the first line of standard input when
/// it is piped (`printf '%s\n' "$PW" | triage users add ana --role ops`), or typed twice, unechoed,
/// at a terminal.
enum PasswordInput {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("Pipe the password on standard input (one line), or run the command at a terminal to type it.")
            }
            return line
        }
        let first = prompt("Password: ")
        guard prompt("Again: ") == first else { throw ValidationError("The two passwords differ; run the command again.") }
        return first
    }

    private static func prompt(_ text: String) -> String {
        guard let typed = getpass(text) else { return "" }
        return String(cString: typed)
    }
}
