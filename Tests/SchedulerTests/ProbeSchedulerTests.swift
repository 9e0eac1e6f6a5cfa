import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting

@Suite(.serialized)
struct ProbeSchedulerTests {
    @Test func checksAreSpreadOverTheirIntervalAndRunOncePerInterval() async throws {
        let clock = TestClock()
        let start = clock.now
        let checks = (0..<20).map { makeCheck("site\($0)", interval: 10) }
        let harness = try await SchedulerHarness.start(checks: checks, clock: clock, store: try await temporaryStore(clock: clock)) { _, _ in
            .answer(.up, status: 200)
        }
        await harness.run(for: 30)
        await harness.stop()
        let firsts = checks.map { harness.runner.calls(of: $0.id).first! }
        #expect(Set(firsts.map { Int($0.timeIntervalSince(start)) }).count > 5, "first probes are spread, not simultaneous")
        #expect(firsts.allSatisfy { $0.timeIntervalSince(start) < 10 })
        for check in checks {
            let calls = harness.runner.calls(of: check.id)
            #expect((3...4).contains(calls.count), "\(check.id) ran \(calls.count) times in 30 s")
            for (earlier, later) in zip(calls, calls.dropFirst()) {
                #expect(abs(later.timeIntervalSince(earlier) - 10) <= 1, "interval kept for \(check.id)")
            }
        }
    }

    @Test func aFailedProbeIsConfirmedAfterTheRecheckDelayNotAWholeInterval() async throws {
        let clock = TestClock()
        let check = makeCheck("down", interval: 60)
        let harness = try await SchedulerHarness.start(checks: [check], clock: clock, store: try await temporaryStore(clock: clock)) { _, _ in
            .answer(.down, status: nil)
        }
        await harness.run(for: 130)
        await harness.stop()
        let calls = harness.runner.calls(of: check.id)
        try #require(calls.count >= 3)
        #expect(abs(calls[1].timeIntervalSince(calls[0]) - 3) <= 1, "re-probed after 3 s")
        #expect(calls[2].timeIntervalSince(calls[0]) >= 59, "once confirmed, back to the interval")
        let tickets = try await harness.store.tickets(TicketFilter())
        #expect(tickets.count == 1)
        #expect(tickets.first?.openedAt == calls[1], "the incident opens when the re-probe confirms it")
        #expect(tickets.first?.deadline == calls[1].addingTimeInterval(15 * 60))
    }

    @Test func concurrencyIsBoundedAndAHangingTargetDelaysNoOne() async throws {
        let clock = TestClock()
        let hanging = (0..<2).map { makeCheck("hang\($0)", interval: 10) }
        let healthy = (0..<6).map { makeCheck("ok\($0)", interval: 10) }
        let harness = try await SchedulerHarness.start(
            checks: hanging + healthy, clock: clock, store: try await temporaryStore(clock: clock), concurrency: 3
        ) { check, _ in
            check.targetID.hasPrefix("acme/hang") ? .hang : .answer(.up, status: 200)
        }
        await harness.run(for: 40)
        await harness.stop()
        #expect(harness.runner.maxInFlight <= 3)
        for check in healthy {
            #expect(harness.runner.calls(of: check.id).count >= 3, "\(check.id) kept its schedule beside the hanging targets")
        }
    }

    @Test func perHostPolitenessCapsProbesAgainstOneHost() async throws {
        let clock = TestClock()
        let sameHost = (0..<6).map { makeCheck("shared\($0)", host: "shared.example", interval: 10) }
        let other = makeCheck("other", host: "other.example", interval: 10)
        let harness = try await SchedulerHarness.start(
            checks: sameHost + [other], clock: clock, store: try await temporaryStore(clock: clock), perHost: 2
        ) { _, _ in .hold(.seconds(8), .up) }
        await harness.run(for: 40)
        await harness.stop()
        #expect(harness.runner.maxInFlight(host: "shared.example") == 2)
        #expect(sameHost.allSatisfy { !harness.runner.calls(of: $0.id).isEmpty }, "parked checks still get their turn")
    }

    @Test func aLongOutageIsOneIncidentResolvedWhenTheSiteRecovers() async throws {
        let clock = TestClock()
        let start = clock.now
        let check = makeCheck("flaky", interval: 30)
        let harness = try await SchedulerHarness.start(checks: [check], clock: clock, store: try await temporaryStore(clock: clock)) { _, now in
            now.timeIntervalSince(start) < 600 ? .answer(.down, status: nil) : .answer(.up, status: 200)
        }
        await harness.run(for: 720, step: 3)
        await harness.stop()
        let tickets = try await harness.store.tickets(TicketFilter())
        try #require(tickets.count == 1)
        let ticket = tickets[0]
        #expect(ticket.status == .resolved)
        #expect(ticket.source == .probe)
        #expect(ticket.caseID == .siteDown)
        #expect(ticket.outcome(at: clock.now) == .moot)
        let kinds = try await harness.store.events(ticketID: ticket.id).map(\.kind)
        #expect(kinds.first == .opened)
        #expect(kinds.last == .recovered)
    }

    @Test func restartingDuringAnOutageDoesNotDuplicateTheIncident() async throws {
        let clock = TestClock()
        let store = try await temporaryStore(clock: clock)
        let check = makeCheck("outage", interval: 30)
        let first = try await SchedulerHarness.start(checks: [check], clock: clock, store: store) { _, _ in .answer(.down, status: nil) }
        await first.run(for: 90)
        await first.stop()
        let second = try await SchedulerHarness.start(checks: [check], clock: clock, store: store) { _, _ in .answer(.down, status: nil) }
        await second.run(for: 90)
        await second.stop()
        let active = try await store.tickets(TicketFilter(statuses: [.open, .taken]))
        #expect(active.count == 1)
        #expect(try await store.tickets(TicketFilter()).count == 1)
    }

    @Test func shutdownWritesEveryBufferedResult() async throws {
        let clock = TestClock()
        let store = try await temporaryStore(clock: clock)
        let checks = (0..<10).map { makeCheck("s\($0)", interval: 5) }
        let harness = try await SchedulerHarness.start(checks: checks, clock: clock, store: store) { _, _ in .answer(.up, status: 200) }
        await harness.run(for: 20, step: 0.1)
        await harness.stop()
        var stored = 0
        for check in checks {
            stored += try await store.results(checkID: check.id, from: .distantPast, to: .distantFuture).count
        }
        #expect(stored == harness.scheduler.probesCompleted)
        #expect(stored >= 40)
    }
}
