import Foundation
import SQLiteStore
import Testing
import TriageTesting

/// `triage store migrate` as an operator runs it, on SQLite and on the test PostgreSQL cluster,
/// `triage run` refusing a store migrated by a newer release, and `triage store export | triage
/// store import` moving a store from SQLite to PostgreSQL.
@Suite(.serialized)
struct StoreCommandTests {
    @Test func migrateOnSQLitePrintsTheStepsThenNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = try workspace.triage.run(["store", "migrate", "--store", workspace.storePath])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Applied 12 migrations to sqlite:\(workspace.storePath):\n  v1-tickets\n"), "\(first.stdout)")
        let second = try workspace.triage.run(["store", "migrate", "--store", workspace.storePath])
        #expect(second.stdout == "Store sqlite:\(workspace.storePath) is up to date: no migration to apply.\n")
    }

    @Test func postgresMigratesOverTLSAndANewerSchemaStopsRun() async throws {
        try await ScratchDatabase.with { url in
            let workspace = try Workspace()
            defer { workspace.remove() }
            let migrated = try workspace.triage.run(["store", "migrate", "--store", url + "?sslmode=require"])
            #expect(migrated.status == 0, "\(migrated.stderr)")
            #expect(migrated.stdout.hasPrefix("Applied 12 migrations to postgres:\(url)?sslmode=require (over TLS):\n"))
            try ScratchDatabase.psql(url, "INSERT INTO triage_migrations (name, applied_at) VALUES ('v99-from-the-future', 0)")
            for command in [["store", "migrate"], ["run"]] {
                let refused = try workspace.triage.run(command + ["--store", url])
                #expect(refused.status == 1, "\(command): \(refused.stdout)")
                #expect(refused.stderr.contains("v99-from-the-future"), "\(command): \(refused.stderr)")
            }
        }
    }

    @Test func exportPipedIntoImportMovesTheStoreToPostgresOnce() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let clock = TestClock()
        let source = try SQLiteTicketStore(path: workspace.storePath, clock: clock)
        try await source.migrate()
        try await ArchiveFixture.fill(source, clock: clock)
        let expected = try await StoreSnapshot(source)
        try await ScratchDatabase.with { url in
            let export = ["store", "export", "--store", "sqlite:\(workspace.storePath)"]
            let moved = try workspace.triage.pipe(export, into: ["store", "import", "--store", url])
            let counts = "3 tickets, \(expected.events.count) ticket events, \(expected.deliveries.count) deliveries, 2 accounts, 3 API tokens, 10 probe results"
            #expect(moved.first.status == 0 && moved.first.stderr == "Exported \(counts) from sqlite:\(workspace.storePath).\n", "\(moved.first.stderr)")
            #expect(moved.second.status == 0, "\(moved.second.stderr)")
            #expect(moved.second.stdout == "Imported \(counts) into postgres:\(url).\n")
            let imported = try await ScratchDatabase.withStore(url, clock: clock) { try await StoreSnapshot($0) }
            #expect(imported == expected)
            let again = try workspace.triage.pipe(export, into: ["store", "import", "--store", url])
            #expect(again.second.status == 1)
            #expect(again.second.stderr.contains("postgres:\(url) is not empty (it holds 3 tickets and probe results and 2 accounts)"), "\(again.second.stderr)")
        }
    }
}
