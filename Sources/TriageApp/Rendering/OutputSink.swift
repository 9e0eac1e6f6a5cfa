import Foundation

/// Where a renderer writes, piece by piece: a report of a thousand sites is tens of megabytes,
/// and building it as one string (then copying it to bytes, then to a file) would hold it in
/// memory several times over. A sink keeps at most `chunkSize` bytes and hands each full chunk
/// to `drain`, so memory stays flat however large the report.
///
/// ```swift
/// let sink = OutputSink(fileDescriptor: STDOUT_FILENO)
/// sink.write("UPTIME\n")
/// try sink.finish()
/// ```
public final class OutputSink {
    /// Writing a chunk failed; nothing after it was written.
    public struct DrainError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Unchecked: every byte of a report passes here, and a dynamic exclusivity check per write
    /// cost more than the write. The sink is used by one renderer on one thread, and `buffer` is
    /// only touched inside this class's own short methods, which never call out while accessing it.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let drain: ([UInt8]) throws -> Void
    private var failure: (any Error)?

    /// A sink that hands every full chunk to `drain`.
    public init(chunkSize: Int = 1 << 16, drain: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = chunkSize
        self.drain = drain
        buffer.reserveCapacity(chunkSize)
    }

    /// A sink that writes to an open file descriptor (standard output, or a file being written).
    public convenience init(fileDescriptor: Int32) {
        self.init { bytes in try Self.writeAll(bytes, to: fileDescriptor) }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        drainIfFull()
    }

    public func write(byte: UInt8) {
        buffer.append(byte)
        drainIfFull()
    }

    public func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        drainIfFull()
    }

    /// Hands over what is left; throws the first error any drain met, so a full disk is
    /// reported once, at the end, instead of at every write.
    public func finish() throws {
        drainNow()
        if let failure { throw failure }
    }

    private func drainIfFull() {
        if buffer.count >= chunkSize { drainNow() }
    }

    private func drainNow() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            do { try drain(buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DrainError(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

extension OutputSink {
    /// Renders into memory: for the small outputs (a ticket, a queue) and for tests.
    public static func collect(_ render: (OutputSink) throws -> Void) rethrows -> String {
        var bytes: [UInt8] = []
        let sink = OutputSink(chunkSize: 1 << 16) { bytes.append(contentsOf: $0) }
        try render(sink)
        sink.drainNow()
        return String(decoding: bytes, as: UTF8.self)
    }
}
