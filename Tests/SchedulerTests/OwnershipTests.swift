import Foundation
import Scheduler
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// The scheduler as one node among several: it probes only what its leases hold, stops when they
/// expire, resumes an incident of a check it takes over, and names itself in its evidence.
@Suite(.serialized)
struct OwnershipTests {
    func grant(_ checks: [Check], until: Date) -> LeaseGrant {
        LeaseGrant(held: Set(checks.map(\.id)), expiresAt: until, liveNodes: 2, nextForeignExpiry: nil)
    }

    @Test func aNodeProbesOnlyWhatItHoldsAndNothingOnceItsLeaseExpired() async throws {
        let clock = TestClock()
        let start = clock.now
        let (mine, theirs) = (makeCheck("mine", interval: 10), makeCheck("theirs", interval: 10))
        let ownership = LeasedChecks()
        ownership.update(with: grant([mine], until: start.addingTimeInterval(30)), activeFindings: [])
        let harness = try await SchedulerHarness.start(
            checks: [mine, theirs], clock: clock, store: try await temporaryStore(clock: clock), ownership: ownership
        ) { _, _ in .answer(.up, status: 200) }
        await harness.run(for: 60)
        #expect((2...3).contains(harness.runner.calls(of: mine.id).count), "probed every 10 s while held")
        #expect(harness.runner.calls(of: mine.id).allSatisfy { $0 < start.addingTimeInterval(30) }, "never after the lease's expiry")
        #expect(harness.runner.calls(of: theirs.id).isEmpty, "another node's check is skipped")

        let handedOver = clock.now
        ownership.update(with: grant([theirs], until: handedOver.addingTimeInterval(30)), activeFindings: [])
        await harness.run(for: 20)
        await harness.stop()
        let taken = harness.runner.calls(of: theirs.id)
        #expect((2...3).contains(taken.count), "a check taken over is probed from its next slot: \(taken)")
        #expect(taken.allSatisfy { $0.timeIntervalSince(handedOver) <= 20 })
        #expect(harness.runner.calls(of: mine.id).allSatisfy { $0 < start.addingTimeInterval(30) })
    }

    @Test func aCheckTakenOverResumesItsOpenIncidentAndResolvesIt() async throws {
        let clock = TestClock()
        let check = makeCheck("www", interval: 10)
        let store = try await temporaryStore(clock: clock)
        let ownership = LeasedChecks()
        let harness = try await SchedulerHarness.start(checks: [check], clock: clock, store: store, ownership: ownership) { _, _ in
            .answer(.up, status: 200)
        }
        await harness.run(for: 15)
        #expect(harness.runner.calls(of: check.id).isEmpty, "not held yet")
        // Another node confirmed the outage, then died; this node takes the check over.
        let change = try await store.raise(TicketStoreContract.finding(at: clock.now), plans: SupportPlans(), reopenWithin: .zero)
        ownership.update(with: grant([check], until: clock.now.addingTimeInterval(60)), activeFindings: try await store.activeDedupKeys())
        await harness.run(for: 30)
        await harness.stop()
        #expect(harness.runner.calls(of: check.id).count >= 2)
        let ticket = try #require(try await store.ticket(id: change.ticket.id))
        #expect(ticket.status == .resolved, "the incident opened by the other node is resolved by the one that took over")
    }

    @Test func aNodeNamesItselfInTheEvidenceOfItsIncidents() async throws {
        let clock = TestClock()
        let check = makeCheck("down", interval: 10)
        let node = ProbeNode(name: "par-1", location: "paris", startedAt: clock.now)
        let harness = try await SchedulerHarness.start(
            checks: [check], clock: clock, store: try await temporaryStore(clock: clock), node: node
        ) { _, _ in .answer(.down, status: nil) }
        await harness.run(for: 20)
        await harness.stop()
        let ticket = try #require(try await harness.store.tickets(TicketFilter()).first)
        let opened = try #require(try await harness.store.events(ticketID: ticket.id).first)
        #expect(opened.detail.hasSuffix("; seen by node par-1 in paris"), "\(opened.detail)")
    }
}
