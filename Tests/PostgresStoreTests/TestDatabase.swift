import Foundation
import Logging
import PostgresNIO
import PostgresStore
import Synchronization
import TriageCore
import TriageTesting

/// A database of its own on the test cluster, for one test: created with a random name, and
/// dropped (with every connection to it) when the test ends, so tests never see each other's rows.
///
/// ```swift
/// try await TestDatabase.with { database in
///     let store = try await database.store(clock: TestClock())
///     ...
/// }
/// ```
final class TestDatabase: Sendable {
    /// The URL of this database, on the cluster's superuser.
    let url: String
    let name: String
    private let stores = Mutex<[PostgresTicketStore]>([])

    private init(url: String, name: String) {
        self.url = url
        self.name = name
    }

    /// Runs `body` with a fresh database, then shuts its stores down and drops it, whatever `body` did.
    static func with<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let cluster = try TestServers.require(TestServers.postgres, "TRIAGE_TEST_POSTGRES")
        let name = "triage_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await admin(cluster, "CREATE DATABASE \(name)")
        let database = TestDatabase(url: replacingDatabase(of: cluster, with: String(name)), name: String(name))
        let outcome: Result<T, any Error>
        do { outcome = .success(try await body(database)) } catch { outcome = .failure(error) }
        for store in database.stores.withLock({ $0 }) { await store.shutdown() }
        try await admin(cluster, "DROP DATABASE \(name) WITH (FORCE)")
        return try outcome.get()
    }

    /// A new store on this database (not migrated), shut down when the test ends; `host` replaces
    /// the cluster's address (`localhost`, the name its certificate has), `parameters` are appended.
    func store(
        clock: any TriageClock = SystemClock(), host: String = "127.0.0.1", parameters: String = ""
    ) throws -> PostgresTicketStore {
        let address = url.replacingOccurrences(of: "@127.0.0.1:", with: "@\(host):")
        let store = try PostgresTicketStore(url: address + parameters, clock: clock)
        stores.withLock { $0.append(store) }
        return store
    }

    /// Runs `sql` on this database on a connection of its own, as psql would: another client.
    func run(_ sql: String) async throws -> [PostgresRow] {
        try await Self.session(url) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
        }
    }

    /// Runs `sql` (CREATE or DROP DATABASE, which need no transaction around them) on the cluster.
    private static func admin(_ cluster: String, _ sql: String) async throws {
        _ = try await session(cluster) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        }
    }

    private static func session<T: Sendable>(_ url: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        guard let components = URLComponents(string: url) else { throw InvalidTestURL(url: url) }
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: components.user ?? "postgres",
            password: nil, database: String(components.path.dropFirst()), tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func replacingDatabase(of url: String, with database: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + database
        return components.string!
    }

    private static let logger = Logger(label: "triage.tests.postgres")
}

/// TRIAGE_TEST_POSTGRES is not a URL.
struct InvalidTestURL: Error {
    var url: String
}
