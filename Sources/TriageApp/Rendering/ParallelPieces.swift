import Foundation
import Synchronization

/// Renders many independent pieces of a document (a thousand charts, a thousand sites' JSON) on
/// every core and hands them over in order: rendering is pure work on values, and a report
/// renders after its figures are computed, when the other cores have nothing else to do.
///
/// Pieces are rendered a window at a time, so memory holds a window of pieces, never the whole
/// document.
///
/// ```swift
/// ParallelPieces.forEach(count: rows.count, render: { chart(rows[$0]) }, write: sink.write)
/// ```
enum ParallelPieces {
    /// How many pieces are rendered before they are written: enough to keep the cores busy
    /// between two writes, few enough (a chart is about 15 KB) to stay small.
    static let window = 64

    /// Calls `write(render(0))`, `write(render(1))`, … in that order, on the calling thread;
    /// `render` runs on every core.
    ///
    /// - Throws: the first error `render` threw, once the window it was thrown in is rendered;
    ///   the pieces before it have been written, none after. (Typed, so a renderer that cannot
    ///   fail is called without `try`.)
    static func forEach<Failure: Error>(
        count: Int, render: @Sendable (Int) throws(Failure) -> String, write: (String) -> Void
    ) throws(Failure) {
        let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: count, by: window) {
            let end = min(count, start + window)
            let pieces = Mutex([Result<String, Failure>](repeating: .success(""), count: end - start))
            DispatchQueue.concurrentPerform(iterations: min(lanes, end - start)) { lane in
                for index in stride(from: start + lane, to: end, by: lanes) {
                    let piece: Result<String, Failure>
                    do throws(Failure) { piece = .success(try render(index)) } catch { piece = .failure(error) }
                    pieces.withLock { $0[index - start] = piece }
                }
            }
            for piece in pieces.withLock({ $0 }) { write(try piece.get()) }
        }
    }
}
