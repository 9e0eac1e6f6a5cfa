import CAres
import Glibc

/// One query in flight on its own c-ares channel, touched only by the I/O thread.
///
/// c-ares 1.18 sets timeouts and servers per channel and cancels per channel, so a channel per
/// query is what gives each check its own server, its own timeout and a cancellation that ends
/// this query alone; it also keeps one slow server from delaying the others' answers.
final class Lookup {
    let id: UInt64
    let query: DNSQuery
    let deadline: ContinuousClock.Instant
    private let continuation: CheckedContinuation<DNSResponse, any Error>
    private let startedAt: ContinuousClock.Instant
    private(set) var channel: ares_channel?
    private let socketErrors = UnsafeMutablePointer<triage_socket_errors>.allocate(capacity: 1)
    /// Set once: by c-ares' callback, the deadline, a cancellation or the resolver's shutdown.
    private(set) var outcome: Result<DNSResponse, any Error>?
    /// The channel's sockets with what c-ares waits for on each, refreshed after every step.
    private(set) var sockets: [pollfd] = []
    /// When the thread must step this lookup even if no socket is ready: c-ares' next timer, or the deadline.
    private(set) var wakeAt: ContinuousClock.Instant
    private var socketBuffer = [ares_socket_t](repeating: ARES_SOCKET_BAD, count: Int(ARES_GETSOCK_MAXNUM))

    init(_ submission: Submission, now: ContinuousClock.Instant) {
        id = submission.id
        query = submission.query
        continuation = submission.continuation
        startedAt = now
        deadline = now + submission.query.timeout
        wakeAt = deadline
        socketErrors.initialize(to: triage_socket_errors(last_errno: 0))
    }

    deinit {
        socketErrors.deallocate()
    }

    /// Opens the channel and sends the query; a failure to do so ends the lookup at once.
    func start(systemServers: SystemServers, now: ContinuousClock.Instant) {
        // SERVFAIL and REFUSED are answers, kept as such: without NOCHECKRESP c-ares 1.18 drops
        // them and reports "could not contact DNS servers", which would read as a stopped server.
        // The price: one of the system's servers answering so ends the lookup without asking the next.
        var options = ares_options()
        options.flags = ARES_FLAG_NOCHECKRESP
        options.tries = 1
        let servers = query.server == nil ? max(systemServers.count, 1) : 1
        options.timeout = Int32(clamping: max(1, query.timeout.wholeMilliseconds / servers))
        options.nservers = 0  // none from /etc/resolv.conf: the query's servers are set below
        let mask = ARES_OPT_FLAGS | ARES_OPT_TRIES | ARES_OPT_TIMEOUTMS | ARES_OPT_SERVERS
        var created: ares_channel?
        var status = ares_init_options(&created, &options, mask)
        guard status == ARES_SUCCESS, let created else { return fail(status) }
        channel = created
        if let server = query.server {
            status = ares_set_servers_ports_csv(created, server.description)
        } else {
            status = systemServers.install(on: created)
        }
        guard status == ARES_SUCCESS else { return fail(status) }
        triage_record_socket_errors(created, socketErrors)
        ares_query(created, query.name, 1 /* class IN */, query.type.code, { context, status, _, answer, length in
            guard let context else { return }
            Unmanaged<Lookup>.fromOpaque(context).takeUnretainedValue().answered(status, answer, length)
        }, Unmanaged.passUnretained(self).toOpaque())
        refresh(now: now)
    }

    /// Lets c-ares read or write the ready socket (or, with none, run its timers), then ends the
    /// lookup if its deadline has passed.
    func step(readable: ares_socket_t = ARES_SOCKET_BAD, writable: ares_socket_t = ARES_SOCKET_BAD, now: ContinuousClock.Instant) {
        guard outcome == nil, let channel else { return }
        ares_process_fd(channel, readable, writable)
        if !expireIfDue(now: now) { refresh(now: now) }
    }

    private func refresh(now: ContinuousClock.Instant) {
        guard outcome == nil, let channel else { return }
        let bits = socketBuffer.withUnsafeMutableBufferPointer { ares_getsock(channel, $0.baseAddress, Int32($0.count)) }
        sockets.removeAll(keepingCapacity: true)
        for index in socketBuffer.indices {
            let readable = bits & (1 << index) != 0
            let writable = bits & (1 << (index + Int(ARES_GETSOCK_MAXNUM))) != 0
            guard readable || writable else { continue }
            let events = (readable ? Int16(POLLIN) : 0) | (writable ? Int16(POLLOUT) : 0)
            sockets.append(pollfd(fd: socketBuffer[index], events: events, revents: 0))
        }
        var buffer = timeval()
        if let next = ares_timeout(channel, nil, &buffer) {
            let timer = now + .seconds(next.pointee.tv_sec) + .microseconds(next.pointee.tv_usec)
            wakeAt = min(timer, deadline)
        } else {
            wakeAt = deadline
        }
    }

    /// c-ares' callback: the answer is valid only during this call, so it is decoded here.
    private func answered(_ status: Int32, _ answer: UnsafeMutablePointer<UInt8>?, _ length: Int32) {
        guard outcome == nil else { return }  // ARES_EDESTRUCTION after a deadline or cancellation
        guard status == ARES_SUCCESS, let answer else { return fail(status) }
        let parsed = AnswerParser.records(of: query.type, in: answer, length: length)
        guard parsed.status == ARES_SUCCESS, !parsed.records.isEmpty else {
            return fail(parsed.status == ARES_SUCCESS ? ARES_ENODATA : parsed.status, responseCode: 0)
        }
        outcome = .success(DNSResponse(records: parsed.records, error: nil, responseCode: 0, duration: elapsed))
    }

    private func fail(_ status: Int32, responseCode: Int? = nil) {
        let error = DNSLookupError(status: status, socketError: socketErrors.pointee.last_errno)
        outcome = .success(DNSResponse(records: [], error: error, responseCode: responseCode ?? error.responseCode, duration: elapsed))
    }

    /// Ends the lookup as a timeout when its deadline has passed; true when it did.
    func expireIfDue(now: ContinuousClock.Instant) -> Bool {
        guard outcome == nil, now >= deadline else { return false }
        fail(ARES_ETIMEOUT)
        return true
    }

    /// Ends the lookup with `error` (cancellation, shutdown) unless it already ended.
    func abandon(_ error: any Error) {
        if outcome == nil { outcome = .failure(error) }
    }

    /// Closes the channel (c-ares calls back with ARES_EDESTRUCTION, ignored) and resumes the caller.
    func settle() {
        if let channel { ares_destroy(channel) }
        channel = nil
        continuation.resume(with: outcome ?? .failure(CancellationError()))
    }

    private var elapsed: Double {
        (ContinuousClock.now - startedAt).fractionalSeconds
    }
}
