import Foundation
import Synchronization
import Scheduler
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// Replacing the scheduler's checks while it runs (a configuration reload), on the test clock.
@Suite(.serialized)
struct CheckReplacementTests {
    @Test func addedChecksRunRemovedOnesStopAndChangedOnesTakeTheirNewInterval() async throws {
        let clock = TestClock()
        let kept = makeCheck("kept", interval: 10)
        let dropped = makeCheck("dropped", interval: 10)
        let retimed = makeCheck("retimed", interval: 10)
        let harness = try await SchedulerHarness.start(
            checks: [kept, dropped, retimed], clock: clock, store: try await temporaryStore(clock: clock)
        ) { _, _ in .answer(.up, status: 200) }
        await harness.run(for: 20)
        let reloadedAt = clock.now
        let added = makeCheck("added", interval: 10)
        let change = harness.scheduler.replaceChecks(
            [kept, makeCheck("retimed", interval: 30), added], activeFindings: try await harness.store.activeDedupKeys()
        )
        #expect(change == CheckSetChange(added: [added.id], removed: [dropped.id], changed: [retimed.id], unchanged: 1))
        #expect(Set(harness.scheduler.checkIDs) == [kept.id, retimed.id, added.id])
        await harness.run(for: 65)
        await harness.stop()

        #expect(harness.runner.calls(of: dropped.id).allSatisfy { $0 < reloadedAt }, "a removed check is never probed again")
        let addedCalls = harness.runner.calls(of: added.id)
        #expect((6...7).contains(addedCalls.count), "the new check runs every 10 s: \(addedCalls.count) in 65 s")
        #expect(addedCalls.first.map { $0.timeIntervalSince(reloadedAt) < 10 } == true, "first probe within one interval")
        let retimedAfter = harness.runner.calls(of: retimed.id).filter { $0 >= reloadedAt }
        #expect((2...3).contains(retimedAfter.count), "the changed check runs every 30 s now: \(retimedAfter.count) in 65 s")
        for (earlier, later) in zip(retimedAfter, retimedAfter.dropFirst()) {
            #expect(abs(later.timeIntervalSince(earlier) - 30) <= 1)
        }
        let keptCalls = harness.runner.calls(of: kept.id)
        for (earlier, later) in zip(keptCalls, keptCalls.dropFirst()) {
            #expect(abs(later.timeIntervalSince(earlier) - 10) <= 1, "an unchanged check stays on its grid across the reload")
        }
    }

    @Test func anUnchangedCheckKeepsItsDetectionStreak() async throws {
        let clock = TestClock()
        let check = makeCheck("down", interval: 60)
        let harness = try await SchedulerHarness.start(checks: [check], clock: clock, store: try await temporaryStore(clock: clock)) { _, _ in
            .answer(.down, status: nil)
        }
        while harness.runner.calls(of: check.id).isEmpty { await harness.run(for: 1) }
        // Reloaded between the first failure and its confirming re-probe: the streak must survive.
        harness.scheduler.replaceChecks([check], activeFindings: [])
        await harness.run(for: 70)
        await harness.stop()
        let calls = harness.runner.calls(of: check.id)
        try #require(calls.count >= 2)
        #expect(abs(calls[1].timeIntervalSince(calls[0]) - 3) <= 1, "still re-probed after 3 s")
        let tickets = try await harness.store.tickets(TicketFilter())
        #expect(tickets.count == 1)
        #expect(tickets.first?.openedAt == calls[1], "confirmed by the second failure, as without a reload")
    }

    @Test func aChangedCheckResumesItsOpenIncidentAndARemovedOneLeavesItOpen() async throws {
        let clock = TestClock()
        let recovering = makeCheck("recovering", interval: 10)
        let dropped = makeCheck("dropped", interval: 10)
        let healthy = Mutex(false)
        let harness = try await SchedulerHarness.start(
            checks: [recovering, dropped], clock: clock, store: try await temporaryStore(clock: clock)
        ) { _, _ in
            healthy.withLock { $0 } ? .answer(.up, status: 200) : .answer(.down, status: nil)
        }
        await harness.run(for: 30)
        #expect(try await harness.store.tickets(TicketFilter(statuses: [.open])).count == 2, "both down: two incidents")

        harness.scheduler.replaceChecks(
            [makeCheck("recovering", interval: 20)], activeFindings: try await harness.store.activeDedupKeys()
        )
        healthy.withLock { $0 = true }
        await harness.run(for: 45)
        await harness.stop()
        let tickets = try await harness.store.tickets(TicketFilter())
        let byCheck = Dictionary(grouping: tickets, by: { $0.checkID ?? "" })
        #expect(byCheck[recovering.id]?.first?.status == .resolved, "the changed check resolves the incident it had open")
        #expect(byCheck[dropped.id]?.first?.status == .open, "a removed check's incident stays for a person to resolve")
    }
}
