import CAres
import Dispatch
import Glibc
import Synchronization

/// What the calling tasks and the I/O thread share: the submission queue, cancellations, the stop
/// flag, and the eventfd that wakes the thread from `poll`.
///
/// Calling tasks only append under the lock and wake the thread; the thread takes everything at
/// once on each turn. A wake-up is written only by the first submission after a turn, because a
/// pending wake-up already covers everything queued behind it.
final class ResolverCore: Sendable {
    struct State {
        var pending: [Submission] = []
        var cancelled: [UInt64] = []
        var isShutdown = false
        var wakeRequested = false
    }

    let state = Mutex(State())
    let wakeDescriptor: Int32
    private let nextID = Atomic<UInt64>(0)
    /// Signalled by the I/O thread as it ends, so `shutdown` returns with every lookup settled.
    let exited = DispatchSemaphore(value: 0)

    init() throws(DNSResolverError) {
        wakeDescriptor = triage_wake_fd()
        guard wakeDescriptor >= 0 else { throw .wakeDescriptorFailed(errno: errno) }
    }

    deinit {
        close(wakeDescriptor)
    }

    func makeID() -> UInt64 {
        nextID.add(1, ordering: .relaxed).newValue
    }

    /// Queues a lookup, or fails it at once when the resolver is stopped or the task already cancelled.
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
            if wake { self.wake() }
        case .cancelled:
            submission.continuation.resume(throwing: CancellationError())
        case .shutdown:
            submission.continuation.resume(throwing: DNSResolverError.shutdown)
        }
    }

    /// Cancels lookup `id`: still queued, it is failed here; already running, the I/O thread ends it.
    /// Either way its continuation is resumed exactly once.
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
        if wake { self.wake() }
    }

    /// Marks the resolver stopped and fails what is still queued; false if it was already stopped.
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
            submission.continuation.resume(throwing: DNSResolverError.shutdown)
        }
        wake()
        return true
    }

    /// Empties the eventfd after `poll` reported it readable.
    func drainWake() {
        var count: UInt64 = 0
        _ = read(wakeDescriptor, &count, MemoryLayout<UInt64>.size)
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, MemoryLayout<UInt64>.size)
    }

    private static func requestWake(_ state: inout State) -> Bool {
        if state.wakeRequested { return false }
        state.wakeRequested = true
        return true
    }
}
