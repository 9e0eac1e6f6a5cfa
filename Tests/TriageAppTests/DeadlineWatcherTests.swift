import Foundation
import Logging
import SQLiteStore
import Testing
import TicketStore
@testable import TriageApp
import TriageCore
import TriageTesting

/// Breaches are recorded when they happen, by the daemon, with a test clock instead of waiting.
struct DeadlineWatcherTests {
    @Test func aBreachIsRecordedOnceWhenTheDeadlinePassesUntaken() async throws {
        let clock = TestClock()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).sqlite").path
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        let plans = SupportPlans()
        let red = try await store.file(
            NewTicket(code: .red, source: .manual, customer: "acme", caseID: .siteDown, summary: "down", openedBy: "ana"),
            plans: plans, at: clock.now
        )
        let yellow = try await store.file(
            NewTicket(code: .yellow, source: .manual, customer: "acme", summary: "dns", openedBy: "ana"), plans: plans, at: clock.now
        )
        let watcher = DeadlineWatcher(store: store, clock: clock, logger: Logger(label: "test"))
        clock.advance(by: .seconds(14 * 60))
        #expect(await watcher.sweep().isEmpty)
        clock.advance(by: .seconds(2 * 60))
        #expect(await watcher.sweep().map(\.id) == [red.id])
        #expect(await watcher.sweep().isEmpty, "recorded once")
        let events = try await store.events(ticketID: red.id).map(\.kind)
        #expect(events == [.opened, .breached])
        #expect(try await store.ticket(id: yellow.id)?.breachRecordedAt == nil)
        #expect(try await store.ticket(id: red.id)?.outcome(at: clock.now) == .breached)
    }
}
