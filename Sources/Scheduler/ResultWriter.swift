import Foundation
import Logging
import TicketStore
import TriageCore

/// Batches probe results into the store: one transaction per batch instead of one per result,
/// which is what lets thousands of probes per second be stored on one SQLite file.
///
/// A batch is written when it reaches `batchSize`, or by ``flush()`` (the scheduler calls it on a
/// timer and at shutdown). When the store falls behind, `append` waits once `maxPending` results
/// are buffered: probing slows down instead of memory growing without bound. A failed write keeps
/// its results for the next attempt.
actor ResultWriter {
    private let store: any TicketStore
    private let logger: Logger
    private let batchSize: Int
    private let maxPending: Int
    private var buffer: [ProbeResult] = []
    private var flushing = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private(set) var written = 0

    init(store: any TicketStore, logger: Logger, batchSize: Int = 500, maxPending: Int = 20_000) {
        self.store = store
        self.logger = logger
        self.batchSize = batchSize
        self.maxPending = maxPending
    }

    func append(_ result: ProbeResult) async {
        while buffer.count >= maxPending {
            await withCheckedContinuation { waiters.append($0) }
        }
        buffer.append(result)
        if buffer.count >= batchSize, !flushing {
            await flush()
        }
    }

    /// Writes everything buffered; returns whether the buffer is empty afterwards.
    @discardableResult
    func flush() async -> Bool {
        guard !flushing else { return false }
        flushing = true
        defer { flushing = false }
        while !buffer.isEmpty {
            let batch = buffer
            buffer.removeAll(keepingCapacity: true)
            do {
                // Written from its own task: a shutdown (cancellation) must not abort a batch half way.
                let store = self.store
                try await Task { try await store.record(batch) }.value
                written += batch.count
            } catch {
                buffer.insert(contentsOf: batch, at: 0)
                logger.error("results.write_failed", metadata: ["results.pending": "\(buffer.count)", "error": "\(error)"])
                return false
            }
            resumeWaiters()
        }
        return true
    }

    private func resumeWaiters() {
        let ready = waiters
        waiters.removeAll()
        for waiter in ready { waiter.resume() }
    }
}
