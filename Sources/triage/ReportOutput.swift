import Foundation

/// Where a report goes: standard output, or a file given with `--output` that is replaced
/// atomically (written beside it under a temporary name, then renamed over it), so a web
/// server or a mail job reading the file never sees half a report.
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

    func write(_ text: String) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
        FileHandle.standardError.write(Data("wrote \(target.path)\n".utf8))
    }
}
