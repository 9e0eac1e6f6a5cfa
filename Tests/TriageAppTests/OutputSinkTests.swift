import Foundation
import Testing
@testable import TriageApp

/// A sink hands over bounded chunks, in order, and reports a failed write once, at the end.
struct OutputSinkTests {
    @Test func drainsFullChunksInOrderAndTheRestAtTheEnd() throws {
        var chunks: [[UInt8]] = []
        let sink = OutputSink(chunkSize: 8) { chunks.append($0) }
        for word in ["abc", "defgh", "ijklmnop", "q"] { sink.write(word) }
        #expect(chunks.map { String(decoding: $0, as: UTF8.self) } == ["abcdefgh", "ijklmnop"])
        try sink.finish()
        #expect(chunks.map { String(decoding: $0, as: UTF8.self) } == ["abcdefgh", "ijklmnop", "q"])
    }

    @Test func aFailedDrainIsThrownByFinishAndStopsWriting() throws {
        struct Full: Error {}
        var drained = 0
        let sink = OutputSink(chunkSize: 4) { _ in
            drained += 1
            throw Full()
        }
        sink.write("12345678")
        sink.write("12345678")
        #expect(throws: Full.self) { try sink.finish() }
        #expect(drained == 1, "nothing is written after the first failure")
    }

    @Test func writesToAFileDescriptor() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { unlink(path) }
        let sink = OutputSink(fileDescriptor: descriptor)
        let line = String(repeating: "x", count: 1000) + "\n"
        for _ in 0..<200 { sink.write(line) }
        try sink.finish()
        close(descriptor)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(repeating: line, count: 200))
    }

    /// Pieces rendered on several threads are written in their order, across windows, each once.
    @Test func piecesRenderedInParallelAreWrittenInOrder() {
        let count = 3 * ParallelPieces.window + 5
        var written: [String] = []
        ParallelPieces.forEach(count: count, render: { "<\($0)>" }, write: { written.append($0) })
        #expect(written == (0..<count).map { "<\($0)>" })
    }

    /// A piece that fails stops the writing after the pieces of the windows before it.
    @Test func aFailedPieceIsThrownAfterTheWindowsBeforeIt() {
        struct Broken: Error {}
        let failing = ParallelPieces.window + 3
        var written = 0
        #expect(throws: Broken.self) {
            try ParallelPieces.forEach(
                count: 3 * ParallelPieces.window, render: { index in if index == failing { throw Broken() }; return "" },
                write: { _ in written += 1 }
            )
        }
        #expect(written == ParallelPieces.window + 3)
    }
}
