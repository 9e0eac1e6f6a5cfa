import Foundation
import GRDB
import TicketStore
import TriageCore

/// The embedded ticket store: one SQLite file in WAL mode, shared by the daemon and CLI processes.
///
/// Every write is one IMMEDIATE transaction, so SQLite lets one writer at a time hold the file,
/// across processes; a writer that finds it held waits up to 5 s (the busy timeout) instead of
/// failing, and readers never wait (WAL). The partial unique index on `tickets(dedup_key)` keeps
/// one active incident per dedup key whatever process writes. GRDB's pool also sets
/// `synchronous = NORMAL`, durable across application crashes and cheap per commit in WAL mode.
///
/// ```swift
/// let store = try SQLiteTicketStore(path: "var/triage.sqlite")
/// try await store.migrate()
/// let change = try await store.raise(finding, plans: plans, reopenWithin: .seconds(1800))
/// ```
public final class SQLiteTicketStore: TicketStore {
    /// The database file as given; every error names it.
    public let path: String
    let pool: DatabasePool
    /// Timestamps the audit trail of incidents: when this store recorded each change. The instants
    /// of the incident itself (opened, resolved) come from the caller, who knows when the fault
    /// happened; desk actions, filings and breaches carry the caller's instant on their events too.
    let clock: any TriageClock

    /// Opens (creating it and its folder if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: The SQLite file, such as `var/triage.sqlite`; `-wal` and `-shm` files live beside it.
    ///   - clock: The source of audit-trail timestamps; tests pass a `TestClock`.
    /// - Throws: `TicketStoreError` naming the path and what to do when the folder or file cannot be used.
    public init(path: String, clock: any TriageClock = SystemClock()) throws {
        self.path = path
        self.clock = clock
        try Self.createFolder(holding: path)
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration)
        } catch {
            throw StoreFailure.wrap(error, operation: "open", path: path)
        }
    }

    /// Applies the migrations this file does not have yet; harmless when it has them all. A file
    /// that has a migration this build does not know is refused (`SchemaHistory`), before anything runs.
    ///
    /// Two processes opening a new file together (the daemon and a CLI command) may race on a
    /// migration: the loser fails on a table the winner just created, and tries again from what is
    /// now applied. Each lost race means the winner applied one more migration, so one attempt per
    /// migration plus one always ends with every migration applied, or with an error that is no race.
    ///
    /// - Returns: The migrations the file did not have before this call, in order.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrator = Migrations.migrator
        var attemptsLeft = migrator.migrations.count + 1
        while true {
            do {
                let before = try await appliedMigrations()
                try SchemaHistory.refuseUnknown(applied: before, known: migrator.migrations, location: path)
                try await run(migrator)
                return try await appliedMigrations().filter { !before.contains($0) }
            } catch {
                attemptsLeft -= 1
                if attemptsLeft == 0 || error is CancellationError || error is TicketStoreError {
                    throw StoreFailure.wrap(error, operation: "migrate", path: path)
                }
            }
        }
    }

    /// The names of the migrations this file has, in the order they ran.
    public func appliedMigrations() async throws -> [String] {
        try await read("read applied migrations") { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    /// What `PRAGMA integrity_check` finds wrong with the file; empty when it is sound.
    public func integrityProblems() async throws -> [String] {
        try await read("integrity check") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        }
    }

    /// Runs `value` in a read transaction, turning failures into `TicketStoreError`.
    func read<T: Sendable>(_ operation: String, _ value: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(value)
        } catch {
            throw StoreFailure.wrap(error, operation: operation, path: path)
        }
    }

    /// Runs `updates` in one IMMEDIATE write transaction, turning failures into `TicketStoreError`.
    func write<T: Sendable>(_ operation: String, _ updates: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(updates)
        } catch {
            throw StoreFailure.wrap(error, operation: operation, path: path)
        }
    }

    private func run(_ migrator: DatabaseMigrator) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(pool) { result in
                continuation.resume(with: result.map { _ in })
            }
        }
    }

    /// WAL comes with `DatabasePool`; the busy timeout makes a CLI write wait for the daemon's
    /// transaction (and the other way round) instead of failing at once.
    ///
    /// The writer connection also checkpoints less often and caches more pages. Each probe result
    /// lands on its own check's page of the `(check_id, started_at)` index, so a batch dirties about
    /// one page per result: checkpointing every 10,000 pages (about 40 MB of WAL) instead of 1,000
    /// merges the repeated writes of those pages, and a 16 MB cache keeps them in memory. Measured
    /// on two cores, the pair doubles the results recorded per second.
    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(StoreFailure.busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -16384")
        }
        return configuration
    }

    private static func createFolder(holding path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw TicketStoreError(
                operation: "open", location: path,
                message: "could not create the folder \(folder.path) (\(error.localizedDescription)); "
                    + "create it with write access for this user, or choose another store path"
            )
        }
    }
}
