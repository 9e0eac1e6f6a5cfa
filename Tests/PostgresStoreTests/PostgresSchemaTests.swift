import Foundation
import Testing
import PostgresStore
import SQLiteStore
import TicketStore
import TriageCore
import TriageTesting

/// The schema on PostgreSQL: the same named steps as SQLite, applied once, refused when newer than
/// this build, and an audit trail the database itself keeps append-only.
@Suite("PostgresTicketStore schema")
struct PostgresSchemaTests {
    @Test("migrate applies the same named steps as the SQLite store, in the same order, then nothing")
    func sameStepsAsSQLite() async throws {
        let folder = try TemporaryFolder()
        let sqlite = try SQLiteTicketStore(path: folder.newDatabasePath())
        let sqliteSteps = try await sqlite.migrate()
        try await TestDatabase.with { database in
            let store = try database.store()
            let steps = try await store.migrate()
            #expect(steps == sqliteSteps)
            #expect(steps.first == "v1-tickets" && steps.count >= 7)
            #expect(try await store.appliedMigrations() == steps)
            #expect(try await store.migrate() == [])
        }
    }

    @Test("two nodes migrating a new database at once apply each step once")
    func concurrentMigrations() async throws {
        try await TestDatabase.with { database in
            let first = try database.store()
            let second = try database.store()
            async let one = first.migrate()
            async let two = second.migrate()
            let (a, b) = try await (one, two)
            #expect((a + b).sorted() == (try await first.appliedMigrations()).sorted())
            #expect(a.isEmpty || b.isEmpty)
        }
    }

    @Test("a database migrated by a newer release is refused, naming the unknown step, and left untouched")
    func newerSchemaIsRefused() async throws {
        try await TestDatabase.with { database in
            let store = try database.store()
            try await store.migrate()
            _ = try await database.run("INSERT INTO triage_migrations (name, applied_at) VALUES ('v99-from-the-future', 0)")
            let error = await #expect(throws: TicketStoreError.self) { try await database.store().migrate() }
            #expect(error?.operation == "migrate")
            #expect(error?.message.contains("v99-from-the-future") == true)
            #expect(error?.message.contains("upgrade triage") == true)
        }
    }

    @Test("ticket_events refuses updates, deletes and truncation from any client")
    func auditTrailIsAppendOnly() async throws {
        try await TestDatabase.with { database in
            let store = try database.store()
            try await store.migrate()
            let ticket = try await store.file(
                NewTicket(code: .yellow, customer: "acme", summary: "domain", openedBy: "ana"), plans: SupportPlans(),
                at: Date(timeIntervalSince1970: 1_750_000_000)
            )
            for sql in ["UPDATE ticket_events SET detail = 'edited'", "DELETE FROM ticket_events", "TRUNCATE ticket_events CASCADE"] {
                await #expect(throws: (any Error).self, "\(sql)") { _ = try await database.run(sql) }
            }
            #expect(try await store.events(ticketID: ticket.id).map(\.detail) == ["filed as YELLOW: domain"])
        }
    }
}
