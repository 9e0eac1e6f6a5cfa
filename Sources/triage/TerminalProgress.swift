import Foundation

/// A one-line progress display on standard error, redrawn in place, shown only when standard
/// error is a terminal (so logs and pipes get no carriage returns) and at most ten times a second.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastDrawn = Date.distantPast
    private var drawn = false

    func show(_ label: String, _ done: Int, _ total: Int, unit: String) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            drawn = true
            let percent = total > 0 ? done * 100 / total : 100
            FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(done)/\(total) \(unit) (\(percent)%)".utf8))
        }
    }

    /// Clears the line, so the report starts on a clean one.
    func finish() {
        lock.withLock {
            guard drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}
