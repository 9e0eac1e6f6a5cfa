import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// Maintenance windows in the scheduler, on the test clock: a planned window opens the incident
/// marked planned (paged to nobody); a silence opens none, and a fault that outlasts it is raised
/// once it ends.
@Suite(.serialized)
struct MaintenanceTests {
    func window(_ mode: MaintenanceWindow.Mode, from: Date, minutes: Double) -> MaintenanceCalendar {
        MaintenanceCalendar([
            MaintenanceWindow(
                name: "upgrade", customer: "acme", sites: ["down"], schedule: .once(from: from, to: from.addingTimeInterval(minutes * 60)),
                mode: mode
            )
        ])
    }

    @Test func anOutageDuringAPlannedWindowIsOpenedPlannedAndRoutedNowhere() async throws {
        let clock = TestClock()
        let check = makeCheck("down", interval: 30)
        let harness = try await SchedulerHarness.start(
            checks: [check], clock: clock, store: try await temporaryStore(clock: clock),
            maintenance: window(.planned, from: clock.now, minutes: 60)
        ) { _, _ in .answer(.down, status: nil) }
        await harness.run(for: 60)
        await harness.stop()
        let ticket = try #require(try await harness.store.tickets(TicketFilter()).first)
        #expect(ticket.planned)
        #expect(ticket.summary.hasSuffix("(during planned maintenance upgrade)"))
        let routing = NotificationRouting(routes: [NotificationRoute(channels: ["on-call"])])
        let batch = try await harness.store.unroutedNotifications(limit: 10)
        #expect(batch.notifications.map(\.event.kind) == [.opened])
        #expect(batch.notifications.allSatisfy { routing.channels(for: $0).isEmpty }, "a planned incident pages nobody")
    }

    @Test func aSilenceOpensNothingAndAFaultThatOutlastsItIsRaisedAfter() async throws {
        let clock = TestClock()
        let start = clock.now
        let check = makeCheck("down", interval: 30)
        let other = makeCheck("other", interval: 30)
        let harness = try await SchedulerHarness.start(
            checks: [check, other], clock: clock, store: try await temporaryStore(clock: clock),
            maintenance: window(.silence, from: start, minutes: 5)
        ) { _, _ in .answer(.down, status: nil) }
        await harness.run(for: 4 * 60)
        let during = try await harness.store.tickets(TicketFilter())
        #expect(during.map(\.checkID) == ["acme/other/http"], "only the site outside the window has an incident")
        #expect(harness.runner.calls(of: check.id).count >= 8, "probes go on during the window")
        let results = try await harness.store.results(checkID: check.id, from: start, to: clock.now)
        #expect(!results.isEmpty, "results are kept during the window")
        await harness.run(for: 3 * 60)
        await harness.stop()
        let after = try await harness.store.tickets(TicketFilter(statuses: [.open]))
        let raised = try #require(after.first { $0.checkID == check.id })
        #expect(!raised.planned)
        #expect(raised.openedAt >= start.addingTimeInterval(5 * 60), "raised once the window ended")
    }
}
