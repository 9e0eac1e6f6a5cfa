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
        #expect(first.stdout.hasPrefix("Applied 8 migrations to sqlite:\(workspace.storePath):\n  v1-tickets\n"), "\(first.stdout)")
        let second = try workspace.triage.run(["store", "migrate", "--store", workspace.storePath])
        #expect(second.stdout == "Store sqlite:\(workspace.storePath) is up to date: no migration to apply.\n")
    }

    @Test func postgresMigratesOverTLSAndANewerSchemaStopsRun() async throws {
        try await ScratchDatabase.with { url in
            let workspace = try Workspace()
            defer { workspace.remove() }
            let migrated = try workspace.triage.run(["store", "migrate", "--store", url + "?sslmode=require"])
            #expect(migrated.status == 0, "\(migrated.stderr)")
            #expect(migrated.stdout.hasPrefix("Applied 8 migrations to postgres:\(url)?sslmode=require (over TLS):\n"))
            try ScratchDatabase.psql(url, "INSERT INTO triage_migrations (name, applied_at) VALUES ('v99-from-the-future', 0)")
            for command in [["store", "migrate"], ["run"]] {
                let refused = try workspace.triage.run(command + ["--store", url])
                #expect(refused.status == 1, "\(command): \(refused.stdout)")
                #expect(refused.stderr.contains("v99-from-the-future"), "\(command): \(refused.stderr)")
            }
        }
    }
}
