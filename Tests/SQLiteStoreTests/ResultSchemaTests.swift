import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting
import SQLiteStore

/// The `v5-result-certificate` migration on files in the field: results stored before it read
/// back with no certificate expiry, and new results keep theirs.
@Suite("SQLiteTicketStore result schema", .enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell"))
struct ResultSchemaTests {
    @Test("a file at v4 with a result upgrades to v5; the old result reads without an expiry, a new one keeps it")
    func upgradeFromV4KeepsResults() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        try await SQLiteTicketStore(path: path).migrate()
        let downgrade = try await SQLiteShell.run(
            [
                "ALTER TABLE probe_results DROP COLUMN certificate_expires_at;",
                "DELETE FROM grdb_migrations WHERE identifier = 'v5-result-certificate';",
                """
                INSERT INTO probe_results
                    (check_id, started_at, outcome, reason, dns, connect, tls, first_byte, total, bytes)
                VALUES ('acme/www/tls', 1700000000000, 'up', 'certificate valid', 0, 0, 0, 0, 0.01, 0);
                """,
            ],
            on: path
        )
        try #require(downgrade.status == 0, "\(downgrade.error)")

        let store = try SQLiteTicketStore(path: path, clock: TestClock())
        try await store.migrate()
        let expiry = Date(timeIntervalSince1970: 1_710_000_000)
        let fresh = ProbeResult(
            checkID: "acme/www/tls", startedAt: Date(timeIntervalSince1970: 1_700_000_060), outcome: .up,
            reason: "certificate valid", certificateExpiresAt: expiry
        )
        try await store.record([fresh])
        let read = try await store.results(
            checkID: "acme/www/tls", from: Date(timeIntervalSince1970: 1_699_999_999),
            to: Date(timeIntervalSince1970: 1_700_000_100)
        )
        #expect(read.map(\.certificateExpiresAt) == [nil, expiry])
    }
}
