import Foundation

/// Reads a file or a pipe line by line, a chunk at a time, so an archive of millions of rows is
/// never held in memory; counts the lines, so every error can name the one at fault.
struct LineReader {
    private let handle: FileHandle
    private var buffer = [UInt8]()
    /// Where the next line starts in `buffer`: lines are sliced off without moving the rest.
    private var start = 0
    private var finished = false
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    static let chunkSize = 1 << 20

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next line without its newline; nil at the end. A last line without a newline is returned too.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[start..<newline])
                start = newline + 1
                lineNumber += 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Data(buffer[start...])
                start = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
