import Foundation
import Testing
import TriageTesting

/// `triage store migrate` as an operator runs it, on SQLite and on the test PostgreSQL cluster, and
/// `triage run` refusing a store migrated by a newer release.
@Suite(.serialized)
struct StoreCommandTests {
    @Test func migrateOnSQLitePrintsTheStepsThenNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = try workspace.triage.run(["store", "migrate", "--store", workspace.storePath])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Applied 9 migrations to sqlite:\(workspace.storePath):\n  v1-tickets\n"), "\(first.stdout)")
        let second = try workspace.triage.run(["store", "migrate", "--store", workspace.storePath])
        #expect(second.stdout == "Store sqlite:\(workspace.storePath) is up to date: no migration to apply.\n")
    }

    @Test func postgresMigratesOverTLSAndANewerSchemaStopsRun() throws {
        let cluster = try TestServers.require(TestServers.postgres, "TRIAGE_TEST_POSTGRES")
        let name = "triage_cli_\(UUID().uuidString.prefix(8).lowercased())"
        try psql(cluster, "CREATE DATABASE \(name)")
        defer { try? psql(cluster, "DROP DATABASE \(name) WITH (FORCE)") }
        let url = String(cluster.dropLast("postgres".count)) + name
        let workspace = try Workspace()
        defer { workspace.remove() }
        let migrated = try workspace.triage.run(["store", "migrate", "--store", url + "?sslmode=require"])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stdout.hasPrefix("Applied 9 migrations to postgres:\(url)?sslmode=require (over TLS):\n"))
        try psql(url, "INSERT INTO triage_migrations (name, applied_at) VALUES ('v99-from-the-future', 0)")
        for command in [["store", "migrate"], ["run"]] {
            let refused = try workspace.triage.run(command + ["--store", url])
            #expect(refused.status == 1, "\(command): \(refused.stdout)")
            #expect(refused.stderr.contains("v99-from-the-future"), "\(command): \(refused.stderr)")
        }
    }

    /// Runs `sql` with psql, another client of the cluster.
    private func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PSQLFailed(sql: sql) }
    }

    private struct PSQLFailed: Error {
        var sql: String
    }
}
