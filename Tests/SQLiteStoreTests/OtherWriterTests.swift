import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting
import SQLiteStore

/// What another process (the desk, a person's sqlite3 session) does to the file, and how the
/// store reacts: a taken incident keeps its owner, and the audit trail cannot be rewritten.
@Suite("SQLiteTicketStore and other writers", .enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell"))
struct OtherWriterTests {
    @Test("recovery of a taken incident keeps it taken and only notes the recovery")
    func recoverTakenKeepsOwner() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let clock = TestClock()
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        let finding = outage(at: clock.now)
        let opened = try await store.raise(finding, plans: standardPlans, reopenWithin: cooldown).ticket
        let takenAt = clock.now.addingTimeInterval(5 * 60)
        let take = try await SQLiteShell.run(
            [
                "UPDATE tickets SET status = 'taken', taken_by = 'alice', taken_at = \(Self.milliseconds(takenAt))"
                    + " WHERE id = \(opened.id);"
            ],
            on: path
        )
        #expect(take.status == 0, "\(take.error)")
        clock.advance(by: .seconds(10 * 60))
        let recovered = try #require(
            try await store.recover(dedupKey: finding.dedupKey, at: clock.now, detail: "HTTP 200 twice")
        )
        #expect(recovered.status == .taken)
        #expect(recovered.takenBy == "alice")
        #expect(recovered.takenAt == takenAt)
        #expect(recovered.resolvedAt == nil && recovered.resolution == nil)
        #expect(recovered.outcome(at: clock.now) == .met)
        #expect(try await store.events(ticketID: opened.id).map(\.kind) == [.opened, .recovered])
        #expect(try await store.activeDedupKeys() == [finding.dedupKey])
    }

    @Test("a person-resolved incident is not reopened: the returning fault gets a new ticket")
    func personResolvedIsNotReopened() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let clock = TestClock()
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        let opened = try await store.raise(outage(at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        let now = Self.milliseconds(clock.now)
        let resolve = try await SQLiteShell.run(
            [
                "UPDATE tickets SET status = 'resolved', taken_by = 'alice', taken_at = \(now), resolved_at = \(now),"
                    + " resolution = 'restarted php-fpm', cause = 'provider' WHERE id = \(opened.id);"
            ],
            on: path
        )
        #expect(resolve.status == 0, "\(resolve.error)")
        clock.advance(by: .seconds(60))
        let change = try await store.raise(outage(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        guard case .opened(let ticket) = change else {
            Issue.record("expected a new ticket, got \(change)")
            return
        }
        #expect(ticket.id != opened.id)
        #expect(try await store.ticket(id: opened.id)?.resolution == "restarted php-fpm")
    }

    @Test("the audit trail refuses updates and deletes from any client")
    func eventsAreAppendOnly() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let clock = TestClock()
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        let opened = try await store.raise(outage(at: clock.now), plans: standardPlans, reopenWithin: cooldown).ticket
        for statement in ["UPDATE ticket_events SET detail = 'nothing happened';", "DELETE FROM ticket_events;"] {
            let attempt = try await SQLiteShell.run([statement], on: path)
            #expect(attempt.status != 0)
            #expect(attempt.error.contains("ticket_events is append-only"))
        }
        #expect(try await store.events(ticketID: opened.id).map(\.detail) == ["connection refused"])
    }

    @Test("the file is in WAL mode, so readers never wait for the writer")
    func fileIsInWALMode() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let store = try SQLiteTicketStore(path: path)
        try await store.migrate()
        let mode = try await SQLiteShell.run(["PRAGMA journal_mode;"], on: path)
        #expect(mode.output.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
