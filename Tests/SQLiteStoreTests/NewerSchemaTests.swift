import Testing
import TicketStore
import TriageTesting
import SQLiteStore

/// A file migrated by a newer release: refused by the shared check (`SchemaHistory`), as on PostgreSQL.
@Suite("SQLiteTicketStore newer schema")
struct NewerSchemaTests {
    @Test("migrate reports the steps it applied, then none")
    func migrateReportsItsSteps() async throws {
        let store = try SQLiteTicketStore(path: try TemporaryFolder().newDatabasePath())
        let applied = try await store.migrate()
        #expect(applied.first == "v1-tickets" && applied.count >= 7)
        #expect(try await store.appliedMigrations() == applied)
        #expect(try await store.migrate() == [])
    }

    @Test("a file with a migration this build does not know is refused, naming it")
    func unknownMigrationIsRefused() async throws {
        #expect(SQLiteShell.isInstalled, "sqlite3 is missing: apt-get install sqlite3")
        let path = try TemporaryFolder().newDatabasePath()
        try await SQLiteTicketStore(path: path).migrate()
        let insert = try await SQLiteShell.run(
            ["INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')"], on: path
        )
        #expect(insert.status == 0, "\(insert.error)")
        let error = await #expect(throws: TicketStoreError.self) { try await SQLiteTicketStore(path: path).migrate() }
        #expect(error?.location == path)
        #expect(error?.message.contains("v99-from-the-future") == true)
        #expect(error?.message.contains("upgrade triage") == true)
    }
}
