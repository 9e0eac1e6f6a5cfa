import CCurl
import Dispatch
import Synchronization

/// The libcurl multi handle, shared only so that other threads can wake the I/O thread.
///
/// Every other `curl_multi_*` call happens on the I/O thread; `curl_multi_wakeup` is the one libcurl
/// documents as safe from any thread, which is what makes this wrapper sendable.
struct MultiHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

/// What the calling tasks and the I/O thread share: the submission queue, cancellations and the stop flag.
///
/// Calling tasks only append under the lock and wake the I/O thread; the I/O thread takes everything
/// at once on each turn of its loop. A wake-up is requested only by the first submission after a turn,
/// because a pending wake-up already covers everything queued behind it.
final class EngineCore: Sendable {
    struct State {
        var pending: [Submission] = []
        var cancelled: [UInt64] = []
        var isShutdown = false
        var wakeRequested = false
    }

    /// Owned here, not by the I/O thread, so it is freed only when no caller can still wake it.
    let multi: MultiHandle
    let state = Mutex(State())
    private let nextID = Atomic<UInt64>(0)
    /// Signalled by the I/O thread as it ends, so `shutdown` returns with every transfer settled.
    let exited = DispatchSemaphore(value: 0)

    init(multi: MultiHandle) {
        self.multi = multi
    }

    deinit {
        curl_multi_cleanup(multi.raw)
    }

    func makeID() -> UInt64 {
        nextID.add(1, ordering: .relaxed).newValue
    }

    /// Queues a transfer, or fails it at once when the engine is stopped or the task already cancelled.
    func submit(_ submission: Submission) {
        enum Decision { case queued(wake: Bool), cancelled, shutdown }
        let decision = state.withLock { state -> Decision in
            if state.isShutdown { return .shutdown }
            // A cancellation that came before the queueing finds nothing to cancel; this check catches it.
            if Task.isCancelled { return .cancelled }
            state.pending.append(submission)
            return .queued(wake: Self.requestWake(&state))
        }
        switch decision {
        case .queued(let wake):
            if wake { curl_multi_wakeup(multi.raw) }
        case .cancelled:
            submission.continuation.resume(throwing: CancellationError())
        case .shutdown:
            submission.continuation.resume(throwing: CurlEngineError.shutdown)
        }
    }

    /// Cancels transfer `id`: still queued, it is failed here; already running, the I/O thread removes it.
    ///
    /// Either way the continuation is resumed exactly once: the queue hand-over and the I/O thread's
    /// table of active transfers are the only two places that own it.
    func cancel(_ id: UInt64) {
        let (queued, wake) = state.withLock { state -> (Submission?, Bool) in
            if let index = state.pending.firstIndex(where: { $0.id == id }) {
                return (state.pending.remove(at: index), false)
            }
            if state.isShutdown { return (nil, false) }
            state.cancelled.append(id)
            return (nil, Self.requestWake(&state))
        }
        queued?.continuation.resume(throwing: CancellationError())
        if wake { curl_multi_wakeup(multi.raw) }
    }

    /// Marks the engine stopped and fails what is still queued; returns false if it was already stopped.
    func stop() -> Bool {
        let queued = state.withLock { state -> [Submission]? in
            if state.isShutdown { return nil }
            state.isShutdown = true
            var queued: [Submission] = []
            swap(&queued, &state.pending)
            return queued
        }
        guard let queued else { return false }
        for submission in queued {
            submission.continuation.resume(throwing: CurlEngineError.shutdown)
        }
        curl_multi_wakeup(multi.raw)
        return true
    }

    private static func requestWake(_ state: inout State) -> Bool {
        if state.wakeRequested { return false }
        state.wakeRequested = true
        return true
    }
}
