import CAres
import Glibc
import Logging

/// The loop of the resolver's one I/O thread: it alone touches the c-ares channels and the
/// lookups, so none of them needs a lock. c-ares 1.18 has no event thread of its own.
///
/// Each turn starts new lookups and ends cancelled ones, sleeps in `poll` on every channel's
/// sockets and the wake-up eventfd until one is ready or the earliest timer is due, lets c-ares
/// read the ready sockets and run the due timers, and resumes the callers whose lookup ended.
final class ResolverThread {
    private let core: ResolverCore
    private let logger: Logger
    private let systemServers = SystemServers()
    private var active: [UInt64: Lookup] = [:]
    private var ended: [Lookup] = []
    /// Swapped with the shared queue each turn, so taking work allocates nothing.
    private var intake: [Submission] = []
    private var cancellations: [UInt64] = []
    /// The poll set of one turn: the eventfd first, then each lookup's sockets, with their owner.
    private var pollSet: [pollfd] = []
    private var owners: [Lookup?] = []

    /// The longest sleep when nothing is due, so a lost wake-up costs a second at most.
    private static let longestSleep: Duration = .seconds(1)

    init(core: ResolverCore, logger: Logger) {
        self.core = core
        self.logger = logger
    }

    func run() {
        defer { core.exited.signal() }
        while takeWork() {
            let now = ContinuousClock.now
            for submission in intake {
                let lookup = Lookup(submission, now: now)
                active[lookup.id] = lookup
                lookup.start(systemServers: systemServers, now: now)
                noteIfEnded(lookup)
            }
            intake.removeAll(keepingCapacity: true)
            for id in cancellations {
                guard let lookup = active[id] else { continue }
                lookup.abandon(CancellationError())
                noteIfEnded(lookup)
            }
            cancellations.removeAll(keepingCapacity: true)
            settleEnded()
            waitAndStep()
            settleEnded()
        }
        for lookup in active.values {
            lookup.abandon(DNSResolverError.shutdown)
            noteIfEnded(lookup)
        }
        settleEnded()
        logger.debug("dns.resolver stopped")
    }

    /// Takes queued submissions and cancellations; false once the resolver is shut down.
    private func takeWork() -> Bool {
        core.state.withLock { state in
            state.wakeRequested = false
            swap(&state.pending, &intake)
            swap(&state.cancelled, &cancellations)
            return !state.isShutdown
        }
    }

    /// Polls until a socket is ready or the earliest lookup is due, then steps those lookups.
    private func waitAndStep() {
        pollSet.removeAll(keepingCapacity: true)
        owners.removeAll(keepingCapacity: true)
        pollSet.append(pollfd(fd: core.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        owners.append(nil)
        var earliest = ContinuousClock.now + Self.longestSleep
        for lookup in active.values {
            earliest = min(earliest, lookup.wakeAt)
            for socket in lookup.sockets {
                pollSet.append(socket)
                owners.append(lookup)
            }
        }
        // One millisecond more than the rounded-down wait, so a due timer is never polled for early.
        let wait = Int32(clamping: max(.zero, earliest - ContinuousClock.now).wholeMilliseconds + 1)
        let ready = poll(&pollSet, nfds_t(pollSet.count), wait)
        if ready < 0, errno != EINTR {
            logger.error("dns.poll failed", metadata: ["dns.errno": "\(errno)"])
        }
        let now = ContinuousClock.now
        for (index, entry) in pollSet.enumerated() where entry.revents != 0 {
            guard let lookup = owners[index] else {
                core.drainWake()
                continue
            }
            let readable = entry.revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 ? entry.fd : ARES_SOCKET_BAD
            let writable = entry.revents & Int16(POLLOUT) != 0 ? entry.fd : ARES_SOCKET_BAD
            lookup.step(readable: readable, writable: writable, now: now)
            noteIfEnded(lookup)
        }
        for lookup in active.values where lookup.outcome == nil && lookup.wakeAt <= now {
            lookup.step(now: now)
            noteIfEnded(lookup)
        }
    }

    private func noteIfEnded(_ lookup: Lookup) {
        if lookup.outcome != nil { ended.append(lookup) }
    }

    /// Closes the ended lookups' channels and resumes their callers, each once.
    private func settleEnded() {
        for lookup in ended where active.removeValue(forKey: lookup.id) != nil {
            lookup.settle()
        }
        ended.removeAll(keepingCapacity: true)
    }
}
