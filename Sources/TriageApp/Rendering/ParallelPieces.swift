import Foundation
import Synchronization

/// Renders many independent pieces of a document (a thousand charts) on every core and writes
/// them in order: rendering is pure string work, and a report renders after its figures are
/// computed, when the other cores have nothing else to do.
///
/// Pieces are rendered a window at a time, so memory holds a window of pieces, never the whole
/// document.
///
/// ```swift
/// ParallelPieces.write(count: rows.count, to: sink) { chart(rows[$0]) }
/// ```
enum ParallelPieces {
    /// How many pieces are rendered before they are written: enough to keep the cores busy
    /// between two writes, few enough (a chart is about 15 KB) to stay small.
    static let window = 64

    /// Writes `render(0)`, `render(1)`, … `render(count - 1)` to `sink`, in that order.
    static func write(count: Int, to sink: OutputSink, render: @Sendable (Int) -> String) {
        let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: count, by: window) {
            let end = min(count, start + window)
            let pieces = Mutex([String](repeating: "", count: end - start))
            DispatchQueue.concurrentPerform(iterations: min(lanes, end - start)) { lane in
                for index in stride(from: start + lane, to: end, by: lanes) {
                    let piece = render(index)
                    pieces.withLock { $0[index - start] = piece }
                }
            }
            for piece in pieces.withLock({ $0 }) { sink.write(piece) }
        }
    }
}
