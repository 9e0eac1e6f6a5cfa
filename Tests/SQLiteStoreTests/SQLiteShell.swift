import Foundation

/// The `sqlite3` command-line shell, run as a separate process on a store's file: another writer
/// the store does not control, as a person's session or a second triage process would be.
enum SQLiteShell {
    /// What one run of the shell printed, and how it ended.
    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var error: String
    }

    /// The shell's path, found on `PATH`; nil when it is not installed (`apt-get install sqlite3`).
    static let executable: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":")
        .map { "\($0)/sqlite3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isInstalled: Bool { executable != nil }

    /// Runs `commands` (SQL statements and dot-commands, in order) against the database at `path`,
    /// stopping at the first error and waiting up to 5 s for a lock, as the store does. Output is
    /// read once the shell has exited, so keep it short (under the 64 KB a pipe buffers).
    static func run(_ commands: [String], on path: String) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "sqlite3")
        process.arguments = ["-bail", "-cmd", ".timeout 5000", path] + commands
        let output = Pipe()
        let error = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, _>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        return Outcome(
            status: status,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            error: String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }
}
