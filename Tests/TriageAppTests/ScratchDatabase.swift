import Foundation
import PostgresStore
import TriageTesting

/// A database of its own on the test cluster for one test, made and dropped with psql (another
/// client, as an operator would), so tests running side by side never see each other's rows.
enum ScratchDatabase {
    /// Runs `body` with the URL of a new, empty database, then drops it whatever `body` did.
    static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        let cluster = try TestServers.require(TestServers.postgres, "TRIAGE_TEST_POSTGRES")
        let name = "triage_app_\(UUID().uuidString.prefix(8).lowercased())"
        try psql(cluster, "CREATE DATABASE \(name)")
        defer { try? psql(cluster, "DROP DATABASE \(name) WITH (FORCE)") }
        return try await body(String(cluster.dropLast("postgres".count)) + name)
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

    /// Runs `sql` with psql.
    static func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PSQLFailed(sql: sql) }
    }

    struct PSQLFailed: Error {
        var sql: String
    }
}
