import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting
import SQLiteStore

/// The `v4-ticket-desk` migration on files in the field: tickets written before it (or by an older
/// release still running) read with the desk's defaults, and the breach scan reads its index.
@Suite("SQLiteTicketStore desk schema", .enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell"))
struct DeskSchemaTests {
    @Test("a file at v3 with a ticket upgrades to v4, and the old ticket reads with the desk's defaults")
    func upgradeFromV3KeepsTickets() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        try await SQLiteTicketStore(path: path).migrate()
        let downgrade = try await SQLiteShell.run(
            [
                "DROP INDEX tickets_unrecorded_breaches;",
                "ALTER TABLE tickets DROP COLUMN surcharge_minor;",
                "ALTER TABLE tickets DROP COLUMN surcharge_currency;",
                "ALTER TABLE tickets DROP COLUMN taken_early;",
                "ALTER TABLE tickets DROP COLUMN referred_to;",
                "ALTER TABLE tickets DROP COLUMN breach_recorded_at;",
                "ALTER TABLE probe_results DROP COLUMN certificate_expires_at;",
                "DELETE FROM grdb_migrations WHERE identifier IN ('v4-ticket-desk', 'v5-result-certificate');",
                Self.insertV3Ticket,
            ],
            on: path
        )
        try #require(downgrade.status == 0, "\(downgrade.error)")

        let clock = TestClock()
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        let old = try #require(try await store.tickets(TicketFilter()).first)
        #expect(old.summary == "filed before the desk")
        #expect(old.fee == .major(40))
        #expect(old.surcharge == nil && !old.takenEarly && old.referredTo == nil && old.breachRecordedAt == nil)
        let breaches = try await store.recordBreaches(at: clock.now)
        #expect(breaches.map(\.id) == [old.id])
        #expect(try await store.integrityProblems().isEmpty)
    }

    @Test("the breach scan reads the partial index, not the whole table")
    func breachScanUsesPartialIndex() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        try await SQLiteTicketStore(path: path).migrate()
        let plan = try await SQLiteShell.run(
            [
                """
                EXPLAIN QUERY PLAN SELECT * FROM tickets
                WHERE status = 'open' AND breach_recorded_at IS NULL AND deadline < 1800000000000
                ORDER BY deadline, id;
                """
            ],
            on: path
        )
        #expect(plan.status == 0, "\(plan.error)")
        #expect(plan.output.contains("USING INDEX tickets_unrecorded_breaches"), "\(plan.output)")
    }

    /// An open RED ticket as v3 stored it: no desk columns, a deadline long past.
    private static let insertV3Ticket = """
        INSERT INTO tickets (code, status, source, customer, summary, opened_at, deadline, fee_minor, fee_currency)
        VALUES ('RED', 'open', 'manual', 'acme', 'filed before the desk', 1700000000000, 1700000900000, 4000, 'EUR');
        """
}
