import Foundation
import Scheduler
import SQLiteStore
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// Confirmation from several locations, two scheduler nodes on one store and one test clock: the
/// node holding a check suspects an outage, the node elsewhere re-probes it without holding it,
/// and the incident is raised only when both locations saw it fail.
@Suite(.serialized)
struct ConfirmationTests {
    let check = {
        var check = makeCheck("www", interval: 30)
        check.confirm = LocationConfirmation(locations: 2, within: .seconds(60))
        return check
    }()

    /// Paris holds the check, Amsterdam holds nothing; both registered as live nodes.
    func twoNodes(
        parisSees: ProbeOutcome, amsterdamSees: ProbeOutcome
    ) async throws -> (paris: SchedulerHarness, amsterdam: SchedulerHarness, store: SQLiteTicketStore) {
        let clock = TestClock()
        let store = try await temporaryStore(clock: clock)
        let paris = ProbeNode(name: "par-1", location: "paris", startedAt: clock.now)
        let amsterdam = ProbeNode(name: "ams-1", location: "amsterdam", startedAt: clock.now)
        for node in [paris, amsterdam] {
            _ = try await store.renewLeases(LeaseRequest(node: node, checkIDs: [], now: clock.now, lease: .seconds(3600)))
        }
        let holds = LeasedChecks()
        holds.update(
            with: LeaseGrant(held: [check.id], expiresAt: clock.now.addingTimeInterval(3600), liveNodes: 2, nextForeignExpiry: nil),
            activeFindings: []
        )
        let parisHarness = try await SchedulerHarness.start(
            checks: [check], clock: clock, store: store, ownership: holds, node: paris, suspicions: store
        ) { _, _ in .answer(parisSees, status: parisSees == .up ? 200 : nil) }
        let amsterdamHarness = try await SchedulerHarness.start(
            checks: [check], clock: clock, store: store, ownership: LeasedChecks(), node: amsterdam, suspicions: store
        ) { _, _ in .answer(amsterdamSees, status: amsterdamSees == .up ? 200 : nil) }
        return (parisHarness, amsterdamHarness, store)
    }

    /// Advances the shared clock second by second, letting both nodes react.
    func run(_ harnesses: SchedulerHarness..., for seconds: Int) async {
        for _ in 0..<seconds {
            harnesses[0].clock.advance(by: .seconds(1))
            for harness in harnesses { await harness.settle() }
        }
    }

    @Test func aFailureSeenFromOneLocationOnlyRaisesNothing() async throws {
        let (paris, amsterdam, store) = try await twoNodes(parisSees: .down, amsterdamSees: .up)
        await run(paris, amsterdam, for: 70)
        await paris.stop()
        await amsterdam.stop()
        #expect(try await store.activeDedupKeys().isEmpty, "no incident from one location's failure")
        let suspicions = try await store.recentSuspicions(limit: 10)
        #expect(suspicions.count >= 2, "the next bad result suspects it again: \(suspicions.map(\.id))")
        let first = try #require(suspicions.last)
        #expect(first.outcome == .notConfirmed)
        // Both verdicts may come in the same (test) second: compared by location, not by order.
        let seen = Dictionary(first.verdicts.map { ($0.location, $0.failed) }, uniquingKeysWith: { first, _ in first })
        #expect(seen == ["paris": true, "amsterdam": false])
        #expect(first.verdicts.count == 2)
        let reprobe = try #require(amsterdam.runner.calls(of: check.id).first, "Amsterdam re-probes a check it does not hold")
        // Amsterdam polls every second of the shared clock; `settle` only guesses when a store write
        // has landed, so a loaded machine can let a clock second or two pass first. The bounds say
        // "at once", far inside the 60 s window that would otherwise end the suspicion.
        #expect(reprobe.timeIntervalSince(first.openedAt) <= 3, "within a few seconds of the suspicion")
        #expect(first.closedAt.map { $0.timeIntervalSince(first.openedAt) <= 5 } == true, "refuted as soon as Amsterdam answered")
    }

    @Test func aFailureSeenFromBothLocationsRaisesOneIncidentNamingThem() async throws {
        let (paris, amsterdam, store) = try await twoNodes(parisSees: .down, amsterdamSees: .down)
        await run(paris, amsterdam, for: 70)
        await paris.stop()
        await amsterdam.stop()
        let keys = try await store.activeDedupKeys()
        #expect(keys == [Finding.dedupKey(checkID: check.id, kind: .down)])
        let incidents = try await store.tickets(TicketFilter(statuses: [.open]))
        #expect(incidents.count == 1)
        let evidence = try await store.events(ticketID: try #require(incidents.first).id).map(\.detail).joined(separator: "\n")
        #expect(evidence.contains("location paris: failed (node par-1:"), "\(evidence)")
        #expect(evidence.contains("location amsterdam: failed (node ams-1: connection refused)"), "\(evidence)")
        #expect(evidence.contains("confirmed from 2 of 2 locations (2 required)"), "\(evidence)")
        let suspicions = try await store.recentSuspicions(limit: 10)
        #expect(suspicions.map(\.outcome) == [.confirmed], "one suspicion, confirmed; the open incident is not suspected again")
    }

    @Test func aNodeAloneConfirmsAtOnceAndSaysHowFewLocationsItHad() async throws {
        let clock = TestClock()
        let store = try await temporaryStore(clock: clock)
        let harness = try await SchedulerHarness.start(checks: [check], clock: clock, store: store, suspicions: store) { _, _ in
            .answer(.down, status: nil)
        }
        await harness.run(for: 40)
        await harness.stop()
        let incident = try #require(try await store.tickets(TicketFilter(statuses: [.open])).first)
        let evidence = try await store.events(ticketID: incident.id).map(\.detail).joined(separator: "\n")
        #expect(evidence.contains("confirmed from 1 location: only 1 of the 2 required locations available"), "\(evidence)")
    }
}
