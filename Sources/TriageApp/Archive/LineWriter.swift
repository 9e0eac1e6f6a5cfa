import Foundation

/// Writes lines to a file or a pipe through a buffer, so an export costs one system call per
/// 256 KB rather than one per row.
final class LineWriter {
    private let handle: FileHandle
    private var buffer = Data()

    static let flushSize = 256 << 10

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// Appends `line` and a newline.
    func write(_ line: Data) throws {
        buffer.append(line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
