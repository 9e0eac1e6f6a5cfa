import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting
import SQLiteStore

/// Several writers on one file, as the daemon and CLI processes share it: the database, not the
/// callers, keeps one active incident per dedup key.
@Suite("SQLiteTicketStore shared file")
struct SharedFileTests {
    @Test("two stores on one file raising the same fault 50 times each open one ticket")
    func twoStoresRaceOnOneFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let clock = TestClock()
        let stores = [try SQLiteTicketStore(path: path, clock: clock), try SQLiteTicketStore(path: path, clock: clock)]
        for store in stores { try await store.migrate() }
        let finding = outage(at: clock.now)
        let changes = try await withThrowingTaskGroup(of: IncidentChange.self) { group in
            for round in 0..<100 {
                let store = stores[round % 2]
                group.addTask { try await store.raise(finding, plans: standardPlans, reopenWithin: cooldown) }
            }
            return try await group.reduce(into: [IncidentChange]()) { $0.append($1) }
        }
        let opened = changes.filter { if case .opened = $0 { true } else { false } }
        #expect(opened.count == 1)
        #expect(Set(changes.map(\.ticket.id)).count == 1)
        for store in stores {
            #expect(try await store.tickets(TicketFilter()).count == 1)
            #expect(try await store.activeDedupKeys() == [finding.dedupKey])
        }
        let events = try await stores[0].events(ticketID: changes[0].ticket.id)
        #expect(events.map(\.kind) == [.opened] + Array(repeating: .evidence, count: 99))
    }

    @Test("two stores on one file taking the same ticket 20 times at once: one take wins, 19 see it taken")
    func twoStoresRaceToTakeOneTicket() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let clock = TestClock()
        let stores = [try SQLiteTicketStore(path: path, clock: clock), try SQLiteTicketStore(path: path, clock: clock)]
        for store in stores { try await store.migrate() }
        let filed = try await stores[0].file(
            NewTicket(code: .red, customer: "acme", caseID: .siteDown, summary: "shop down", openedBy: "ana"),
            plans: standardPlans, at: clock.now
        )
        let now = clock.now
        let outcomes = try await withThrowingTaskGroup(of: Result<Ticket, TicketActionError>.self) { group in
            for person in 0..<20 {
                let store = stores[person % 2]
                group.addTask {
                    do {
                        return .success(
                            try await store.apply(
                                .take(overrideReason: nil), to: filed.id, by: "person\(person)", at: now,
                                plans: standardPlans, catalogue: Catalogue([])
                            )
                        )
                    } catch let refusal as TicketActionError {
                        return .failure(refusal)
                    }
                }
            }
            return try await group.reduce(into: [Result<Ticket, TicketActionError>]()) { $0.append($1) }
        }
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        let refusal = TicketActionError.notAllowed(ticket: filed.id, action: "take", status: .taken)
        #expect(outcomes.filter { $0 == .failure(refusal) }.count == 19)
        for store in stores {
            let events = try await store.events(ticketID: filed.id)
            #expect(events.map(\.kind) == [.opened, .taken])
            #expect(events.last?.actor == winners.first?.takenBy)
            #expect(try await store.ticket(id: filed.id) == winners.first)
        }
    }

    @Test("two stores migrating a new file at the same time both succeed, however their migrations interleave")
    func concurrentFirstMigration() async throws {
        let folder = try TemporaryFolder()
        for _ in 0..<10 {
            let path = folder.newDatabasePath()
            let stores = [try SQLiteTicketStore(path: path), try SQLiteTicketStore(path: path)]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in stores { group.addTask { try await store.migrate() } }
                try await group.waitForAll()
            }
            let raised = try await stores[0].raise(outage(at: Date()), plans: standardPlans, reopenWithin: cooldown)
            #expect(try await stores[1].ticket(id: raised.ticket.id) == raised.ticket)
        }
    }

    @Test(
        "after a restart the file itself refuses a second active incident for a key",
        .enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell")
    )
    func restartKeepsUniqueConstraint() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let clock = TestClock()
        let firstID = try await Self.raiseAndClose(outage(at: clock.now), path: path, clock: clock)

        let duplicate = try await SQLiteShell.run([Self.insertActiveTicket(dedupKey: "acme/www/http#down")], on: path)
        #expect(duplicate.status != 0)
        #expect(duplicate.error.contains("UNIQUE constraint failed: tickets.dedup_key"))
        let otherKey = try await SQLiteShell.run([Self.insertActiveTicket(dedupKey: "acme/www/http#slow")], on: path)
        #expect(otherKey.status == 0, "\(otherKey.error)")

        let restarted = try SQLiteTicketStore(path: path, clock: clock)
        try await restarted.migrate()
        let again = try await restarted.raise(outage(at: clock.now), plans: standardPlans, reopenWithin: cooldown)
        guard case .updated(let ticket) = again else {
            Issue.record("expected the restarted store to update ticket \(firstID), got \(again)")
            return
        }
        #expect(ticket.id == firstID)
        #expect(try await restarted.activeDedupKeys() == ["acme/www/http#down", "acme/www/http#slow"])
    }

    @Test(
        "a write waits for another process's transaction instead of failing",
        .enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell")
    )
    func writeWaitsForAnotherProcess() async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        let store = try SQLiteTicketStore(path: path)
        try await store.migrate()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let locked = folder.url.appendingPathComponent("locked").path
        let holder = Task {
            try await SQLiteShell.run(
                [
                    "BEGIN IMMEDIATE;",
                    """
                    INSERT INTO probe_results
                        (check_id, started_at, outcome, reason, dns, connect, tls, first_byte, total, bytes)
                    VALUES ('acme/www/http', \(Int64(start.timeIntervalSince1970 * 1000)), 'up', 'HTTP 200 OK',
                        0, 0, 0, 0, 0, 0);
                    """,
                    ".shell touch \(locked) && sleep 0.5",
                    "COMMIT;",
                ],
                on: path
            )
        }
        for _ in 0..<2_000 where !FileManager.default.fileExists(atPath: locked) {
            try await Task.sleep(for: .milliseconds(5))
        }
        try #require(FileManager.default.fileExists(atPath: locked), "the sqlite3 shell never took the lock")
        try await store.record([probeResult("acme/www/http", at: start.addingTimeInterval(1))])
        let shell = try await holder.value
        #expect(shell.status == 0, "\(shell.error)")
        let stored = try await store.results(checkID: "acme/www/http", from: start, to: start.addingTimeInterval(60))
        #expect(stored.count == 2)
    }

    /// Opens a store, raises `finding`, and lets the store go, closing its connections.
    private static func raiseAndClose(_ finding: Finding, path: String, clock: TestClock) async throws -> Int64 {
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        return try await store.raise(finding, plans: standardPlans, reopenWithin: cooldown).ticket.id
    }

    /// SQL for an open probe ticket with `dedupKey`, as another writer would insert it.
    private static func insertActiveTicket(dedupKey: String) -> String {
        """
        INSERT INTO tickets (code, status, source, customer, summary, opened_at, deadline, dedup_key)
        VALUES ('RED', 'open', 'probe', 'acme', 'inserted by hand', 1800000000000, 1800000900000, '\(dedupKey)');
        """
    }
}
