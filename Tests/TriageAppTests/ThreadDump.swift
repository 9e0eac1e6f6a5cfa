import Foundation
import TriageTesting

/// The stacks of every thread of a live process, from gdb when this machine has it: what a test
/// prints when a daemon does not stop, so a hang seen once (in CI) says where it waits. Only the
/// frames of Triage's own modules and of the libraries it waits in are kept, a few per thread.
func threadDump(of pid: Int32) async -> String {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gdb") else { return "(no gdb on this machine: no thread dump)" }
    let dump = try? await offPool { () -> String in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60", "/usr/bin/gdb", "-p", "\(pid)", "-batch", "-ex", "thread apply all bt 30"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
    guard let dump else { return "(gdb could not be run)" }
    let kept = dump.split(separator: "\n").filter { line in
        line.hasPrefix("Thread ") || (line.hasPrefix("#") && !line.contains("libdispatch") && !line.contains("futex") && !line.contains("nptl"))
    }
    return kept.joined(separator: "\n")
}
