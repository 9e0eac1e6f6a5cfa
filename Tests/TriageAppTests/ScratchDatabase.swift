import Foundation
import PostgresStore
import TriageTesting

/// A database of its own on the test PostgreSQL cluster for one test, created and dropped with
/// psql (another client, as an operator's would be), so tests running side by side never see
/// each other's rows.
struct ScratchDatabase {
    /// The database's URL, for `--store`.
    let url: String
    private let cluster: String
    private let name: String

    init() throws {
        cluster = try TestServers.require(TestServers.postgres, "TRIAGE_TEST_POSTGRES")
        name = "triage_app_\(UUID().uuidString.prefix(8).lowercased())"
        url = String(cluster.dropLast("postgres".count)) + name
        try Self.psql(cluster, "CREATE DATABASE \(name)")
    }

    /// Runs `body` with the URL of a new, empty database, then drops it whatever `body` did.
    static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        let database = try ScratchDatabase()
        defer { database.drop() }
        return try await body(database.url)
    }

    /// A store on `url`, migrated, whose pool `body` may use until it returns.
    static func withStore<T>(_ url: String, clock: TestClock, _ body: (PostgresTicketStore) async throws -> T) async throws -> T {
        let store = try PostgresTicketStore(url: url, clock: clock)
        let outcome: Result<T, any Error>
        do {
            try await store.migrate()
            outcome = .success(try await body(store))
        } catch {
            outcome = .failure(error)
        }
        await store.shutdown()
        return try outcome.get()
    }

    /// Runs `sql` on this database; returns its rows, one line each, columns separated by `|`.
    func query(_ sql: String) async throws -> [String] {
        let url = url
        return try await offPool { try Self.psql(url, sql) }.split(separator: "\n").map(String.init)
    }

    /// Cuts every client off this database and refuses new connections (`allowed` false), as a
    /// network partition would; `allowed` true lets clients in again.
    func allowConnections(_ allowed: Bool) async throws {
        let (cluster, name) = (cluster, name)
        _ = try await offPool { try Self.psql(cluster, "ALTER DATABASE \(name) ALLOW_CONNECTIONS \(allowed)") }
        guard !allowed else { return }
        _ = try await offPool {
            try Self.psql(cluster, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        }
    }

    func drop() {
        _ = try? Self.psql(cluster, "DROP DATABASE \(name) WITH (FORCE)")
    }

    /// Runs `sql` with psql on `url`; returns its output rows.
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-qAt", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PSQLFailed(sql: sql) }
        return String(decoding: data, as: UTF8.self)
    }

    struct PSQLFailed: Error {
        var sql: String
    }
}
