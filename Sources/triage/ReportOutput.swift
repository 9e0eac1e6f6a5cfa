import Foundation
import TriageApp

/// Where a report goes: standard output, or a file given with `--output` that is replaced
/// atomically (written beside it under a temporary name, then renamed over it), so a web
/// server or a mail job reading the file never sees half a report.
///
/// Either way the report is written as it is rendered, through an ``OutputSink``, so a report of
/// tens of megabytes is never whole in memory.
struct ReportOutput {
    /// The file, or nil for standard output.
    var path: String?

    /// The file could not be written; nothing was replaced.
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String

        var description: String {
            "cannot write the report to \(path): \(reason); check that its folder exists and is writable"
        }
    }

    func write(_ render: (OutputSink) throws -> Void) throws {
        guard let path else {
            let sink = OutputSink(fileDescriptor: STDOUT_FILENO)
            try render(sink)
            try sink.finish()
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        do {
            defer { close(descriptor) }
            let sink = OutputSink(fileDescriptor: descriptor)
            try render(sink)
            try sink.finish()
        } catch {
            unlink(temporary.path)
            throw WriteError(path: path, reason: "\(error)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WriteError(path: path, reason: reason)
        }
        FileHandle.standardError.write(Data("wrote \(target.path)\n".utf8))
    }
}
