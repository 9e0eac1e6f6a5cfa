import Foundation
import Logging
import PostgresNIO
import TicketStore
import TriageCore

/// The shared ticket store on PostgreSQL: every node and CLI process of a site writes to one database.
///
/// **Pool lifetime.** The store owns a `RenewablePool` (a `PostgresClient` of up to 10 connections
/// and the task that runs it, started in `init`, replaced by a fresh one when the server could not
/// be reached, so nodes reconnect within a second of a restart). ``shutdown()`` cancels that task
/// and waits for the pool to close its connections; dropping the last reference cancels it too, so
/// a CLI command that simply exits leaks nothing. After shutdown every operation fails with
/// "already shut down".
///
/// **Transactions.** Reads run in one `REPEATABLE READ READ ONLY` snapshot. Every transaction that
/// changes tickets or appends to the audit trail (raise, recover, file, desk actions, breaches,
/// escalations) runs `READ COMMITTED` and first takes one transaction-scoped advisory lock, the
/// ticket lock: ticket writers run one at a time across every node, as SQLite's IMMEDIATE
/// transactions do on one file, so each sees the previous one's commit ("one winner per desk
/// action"), and audit events commit in the order of their ids, so the notification router's
/// cursor never passes an event still uncommitted. Probe results, deliveries and the routing
/// cursor do not take it: they never decide on what another writer is deciding.
///
/// **Retries.** A write transaction that PostgreSQL aborts to keep writers apart (serialization
/// failure, deadlock) runs again, up to ``maximumAttempts`` times; nothing it wrote remains. A
/// `raise` whose insert hits the unique index of active incidents (a writer that did not take the
/// ticket lock) also runs again, and then finds that incident: the database's guarantee of one active
/// incident per dedup key holds whoever writes.
///
/// ```swift
/// let store = try PostgresTicketStore(url: "postgres://triage@db.internal/triage?sslmode=verify-full")
/// try await store.migrate()
/// let change = try await store.raise(finding, plans: plans, reopenWithin: .seconds(1800))
/// await store.shutdown()
/// ```
public final class PostgresTicketStore: TicketStore {
    /// The store's URL (its description hides the password); every error names it.
    public let url: PostgresURL
    let pool: RenewablePool
    /// Timestamps the audit trail of incidents, as in the SQLite store.
    let clock: any TriageClock
    let logger: Logger

    /// How many times a write transaction runs before its transient failure is reported.
    static let maximumAttempts = 5

    /// Reads `url` and starts the connection pool; connections open on first use. The pool logs
    /// its background work (connections it could not open, retried) to `logger`, from `warning` up
    /// unless the logger's level says otherwise.
    ///
    /// - Throws: `TicketStoreError` when the URL is not a PostgreSQL URL this store understands.
    public init(url: String, clock: any TriageClock = SystemClock(), logger: Logger = PostgresTicketStore.defaultLogger) throws {
        self.url = try PostgresURL(url)
        self.clock = clock
        self.logger = logger
        let url = self.url
        pool = RenewablePool(configuration: url.clientConfiguration, logger: logger) {
            await Self.canReach(url, logger: logger)
        }
    }

    /// The pool's logger when the caller gives none: its retries are worth a warning, not a line each at info.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "triage.postgres")
        logger.logLevel = .warning
        return logger
    }

    /// Closes the pool's connections and waits until they are closed.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// Runs `body` in one read-only snapshot, turning failures into `TicketStoreError`.
    func read<T: Sendable>(_ operation: String, _ body: (PostgresSession) async throws -> T) async throws -> T {
        try await transaction(operation, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` in one write transaction holding `lock` (the ticket lock unless told otherwise),
    /// again while it fails transiently or `retryWhen` says so, turning failures into `TicketStoreError`.
    func write<T: Sendable>(
        _ operation: String, lock: AdvisoryLock? = .tickets, retryWhen: (any Error) -> Bool = { _ in false },
        _ body: (PostgresSession) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await transaction(operation, begin: "BEGIN ISOLATION LEVEL READ COMMITTED") { session in
                    if let lock { try await session.execute("SELECT pg_advisory_xact_lock(\(lock.key))") }
                    return try await body(session)
                }
            } catch let error as TicketStoreError {
                throw error
            } catch {
                let again = PostgresFailure.isTransient(error) || retryWhen(error)
                guard again, attempt < Self.maximumAttempts else {
                    throw PostgresFailure.wrap(error, operation: operation, location: url.description)
                }
                attempt += 1
            }
        }
    }

    /// BEGIN, `body`, COMMIT on one pooled connection; ROLLBACK when `body` throws. Errors are raw
    /// (`write` decides on retries), except that a failing BEGIN is wrapped.
    private func transaction<T: Sendable>(
        _ operation: String, begin: String, _ body: (PostgresSession) async throws -> T
    ) async throws -> T {
        do {
            return try await pool.withConnection { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                try await session.execute(PostgresQuery(unsafeSQL: begin))
                do {
                    let value = try await body(session)
                    try await session.execute("COMMIT")
                    return value
                } catch {
                    try? await session.execute("ROLLBACK")
                    throw error
                }
            }
        } catch let error where error is TicketStoreError || error is TicketActionError || error is CancellationError
            || error is NodeNameInUse {
            throw error
        } catch let error as PSQLError where error.serverInfo != nil {
            throw error
        } catch {
            throw PostgresFailure.wrap(error, operation: operation, location: url.description)
        }
    }
}

/// The transaction-scoped advisory locks the store takes; the keys are arbitrary but fixed, so
/// every node and release agrees on them.
enum AdvisoryLock {
    /// Held by every transaction that changes tickets or appends audit events.
    case tickets
    /// Held while migrating, so two nodes starting together migrate one after the other.
    case migrations
    /// Held while saving roll-ups, so two roll-ups never both move the watermark.
    case rollups

    var key: Int64 {
        switch self {
        case .tickets: 0x7472_6961_6765_0001
        case .migrations: 0x7472_6961_6765_0002
        case .rollups: 0x7472_6961_6765_0003
        }
    }
}
