import Logging
import PostgresNIO
import Synchronization
import _ConnectionPoolModule

/// PostgresNIO's connection pool, made to come back as soon as the server does.
///
/// The pool alone is slow to recover from an outage: a request waits while it retries connecting,
/// up to a minute, before its circuit breaker fails it, and its retries back off to one a minute,
/// so a server back after a long outage may wait that long for the pool to notice. PostgresNIO
/// 1.33's `PostgresClient.Configuration` offers no setting for either. So every operation first
/// leases a connection within ``leaseTimeout`` (a lease is no round trip: it only takes an idle
/// connection or waits for a new one). When none comes, one connection outside the pool tells a
/// busy server (it answers, if only "too many clients": keep waiting) from one that cannot be
/// reached; then, or when the pool reports it cannot connect, the operation fails at once (the
/// caller keeps its work: the result writer its batch, the scheduler its finding) and the pool is
/// replaced by a fresh one, whose first retries come within a fraction of a second. Nodes thus
/// reconnect within a second or two of a restart.
///
/// ```swift
/// let pool = RenewablePool(configuration: url.clientConfiguration, logger: logger) { await canReach(url) }
/// let rows = try await pool.withConnection { try await $0.query("SELECT 1", logger: logger).collect() }
/// await pool.shutdown()
/// ```
final class RenewablePool: Sendable {
    private struct Current {
        var client: PostgresClient
        var runner: Task<Void, Never>
        var closed = false
    }

    private let configuration: PostgresClient.Configuration
    private let logger: Logger
    private let state: Mutex<Current>
    /// Whether the server answers a connection of its own (even with an error): asked when a lease times out.
    private let reachable: @Sendable () async -> Bool
    /// How long an operation waits for a connection before the server's reachability is checked.
    let leaseTimeout: Duration

    init(
        configuration: PostgresClient.Configuration, logger: Logger, leaseTimeout: Duration = .seconds(5),
        reachable: @escaping @Sendable () async -> Bool
    ) {
        self.configuration = configuration
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        self.reachable = reachable
        state = Mutex(Self.start(configuration, logger: logger))
    }

    deinit {
        state.withLock { $0.runner.cancel() }
    }

    /// Runs `body` on a pooled connection, once one is leased: waiting while the server is busy,
    /// failing within about ``leaseTimeout`` when it cannot be reached.
    ///
    /// - Throws: ``NoConnection`` when the server cannot be reached; the pool's own error when it
    ///   reports it cannot connect; whatever `body` throws.
    func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let client = state.withLock { $0.client }
        while true {
            do {
                try await Self.lease(client, within: leaseTimeout)
                break
            } catch let error as NoConnection {
                if await reachable() { continue }
                renew(client)
                throw error
            } catch let error where !(error is CancellationError) {
                renew(client)
                throw error
            }
        }
        return try await client.withConnection(body)
    }

    /// Closes the pool's connections and waits until they are closed; later operations fail.
    func shutdown() async {
        let runner = state.withLock { current in
            current.closed = true
            return current.runner
        }
        runner.cancel()
        await runner.value
    }

    /// Takes and gives back one connection within `timeout`, so the real lease that follows finds it idle.
    private static func lease(_ client: PostgresClient, within timeout: Duration) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await client.withConnection { _ in }
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else { throw NoConnection(waited: timeout) }
        }
    }

    /// Replaces `failed` by a fresh pool, unless another operation already did or the store is shut down.
    private func renew(_ failed: PostgresClient) {
        let replaced: Task<Void, Never>? = state.withLock { current in
            guard current.client === failed, !current.closed else { return nil }
            let previous = current.runner
            current = Self.start(configuration, logger: logger)
            return previous
        }
        guard let replaced else { return }
        replaced.cancel()
        logger.warning("postgres.pool_renewed", metadata: ["postgres.lease_timeout": "\(leaseTimeout)"])
    }

    /// Detached, because a pool is the store's, not the caller's: `PostgresClient.run()` stops on
    /// the graceful shutdown of the service whose task it runs in (ServiceLifecycle passes that
    /// down as a task-local, which a plain `Task` inherits). A pool renewed inside the alerting
    /// service during an outage then died when SIGTERM reached that service, under the services
    /// still stopping; an operation waiting on it never returned and the node never exited.
    private static func start(_ configuration: PostgresClient.Configuration, logger: Logger) -> Current {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return Current(client: client, runner: Task.detached { await client.run() })
    }

    /// No connection came from the pool within the lease timeout: the server is down or unreachable.
    struct NoConnection: Error {
        var waited: Duration
    }

    /// Whether `error` is the pool saying it gave up connecting (its circuit breaker).
    static func isCircuitBreaker(_ error: any Error) -> Bool {
        (error as? ConnectionPoolError) == .connectionCreationCircuitBreakerTripped
    }
}
