import Logging
import PostgresNIO
import TicketStore
import TriageCore

extension PostgresTicketStore {
    /// Applies the steps this database does not have yet, all in one transaction under the migration
    /// lock: two nodes starting together migrate one after the other, and the second finds nothing
    /// to do. A database with a step this build does not know is refused (`SchemaHistory`) before
    /// anything runs. PostgreSQL's DDL is transactional, so a failing step leaves no half-applied schema.
    ///
    /// - Returns: The steps applied by this call, in order.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await connectOnce()
        let appliedAt = clock.now.millisecondsSince1970
        return try await write("migrate", lock: .migrations) { session in
            try await session.execute(PostgresQuery(unsafeSQL: PostgresMigrations.historyTable))
            let before = try await Self.appliedMigrations(in: session)
            try SchemaHistory.refuseUnknown(
                applied: before, known: PostgresMigrations.all.map(\.name), location: url.description
            )
            var applied: [String] = []
            for step in PostgresMigrations.all where !before.contains(step.name) {
                for statement in step.statements { try await session.execute(PostgresQuery(unsafeSQL: statement)) }
                try await session.execute(
                    "INSERT INTO triage_migrations (name, applied_at) VALUES (\(step.name), \(appliedAt))"
                )
                applied.append(step.name)
            }
            return applied
        }
    }

    /// Opens and closes one connection outside the pool. Every process migrates when it starts, and
    /// this makes it fail within the connect timeout (10 s) with the real cause (refused, TLS,
    /// authentication, no such database): the pool would retry in the background for a minute and
    /// then report only that it gave up.
    func connectOnce() async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: logger
            )
            try await connection.close()
        } catch {
            throw PostgresFailure.wrap(error, operation: "connect", location: url.description)
        }
    }

    /// Whether the server at `url` answers one connection outside the pool, even if only to refuse
    /// it ("too many clients", a wrong password): it runs, so a pool waiting for a connection waits
    /// for a busy server, not a missing one.
    static func canReach(_ url: PostgresURL, logger: Logger) async -> Bool {
        do {
            let connection = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            try? await connection.close()
            return true
        } catch let error as PSQLError where error.serverInfo != nil {
            return true
        } catch {
            return false
        }
    }

    /// The names of the steps this database has, in the order they ran (empty for a new database).
    public func appliedMigrations() async throws -> [String] {
        try await read("read applied migrations") { session in
            guard try await session.value("SELECT to_regclass('triage_migrations') IS NOT NULL", as: Bool.self) == true
            else { return [] }
            return try await Self.appliedMigrations(in: session)
        }
    }

    private static func appliedMigrations(in session: PostgresSession) async throws -> [String] {
        try await session.rows("SELECT name FROM triage_migrations ORDER BY position").map {
            try $0.makeRandomAccess()[0].decode(String.self)
        }
    }
}

extension PostgresTicketStore {
    /// Whether this store's connections to the server are encrypted (PostgreSQL's own view, from
    /// `pg_stat_ssl`), so `triage store migrate` can say so and an operator can check the URL's sslmode.
    public func connectionIsEncrypted() async throws -> Bool {
        try await read("check the connection's TLS") { session in
            try await session.value("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: Bool.self) ?? false
        }
    }
}
