import Foundation
import Logging
import Scheduler
import Testing
import TicketStore
import TriageCore
import TriageTesting

@testable import TriageApp

/// A node cut off from its PostgreSQL store: its rounds fail, it probes nothing once its last
/// lease has ended (when another node may take its checks), and it resumes cleanly, with the
/// incidents opened meanwhile, when the store is back.
@Suite(.serialized)
struct StoreLossTests {
    /// Runs one round, cancelling it after `seconds` of real time if the store does not answer.
    func round(_ service: NodeLeaseService, within seconds: Double) async {
        let task = Task { await service.round() }
        let timer = Task {
            try await Task.sleep(for: .seconds(seconds))
            task.cancel()
        }
        _ = await task.value
        timer.cancel()
    }

    @Test func aNodeCutOffFromTheStoreStopsProbingWhenItsLeaseEndsAndResumes() async throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let clock = TestClock()
        let store = try await StoreFactory.open(.postgres(url: database.url), clock: clock)
        let checks = ["acme/www/http", "acme/shop/http"]
        let ownership = LeasedChecks()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let service = NodeLeaseService(
            store: store, node: ProbeNode(name: "n1", location: "here", startedAt: clock.now), checkIDs: { checks },
            lease: .seconds(30), ownership: ownership, clock: clock, logger: logger
        )
        await service.round()
        #expect(checks.allSatisfy { ownership.holds($0, at: clock.now) }, "a lone node holds every check")

        try await database.allowConnections(false)
        clock.advance(by: .seconds(10))
        await round(service, within: 8)
        #expect(checks.allSatisfy { ownership.holds($0, at: clock.now) }, "still probing within its last lease")
        clock.advance(by: .seconds(20))
        #expect(!checks.contains { ownership.holds($0, at: clock.now) }, "probing nothing once its last lease ended")

        try await database.allowConnections(true)
        let other = try await StoreFactory.open(.postgres(url: database.url), clock: clock)
        _ = try await other.raise(TicketStoreContract.finding(at: clock.now), plans: SupportPlans(), reopenWithin: .zero)
        let resumed = try await pollAsync(seconds: 30) {
            await round(service, within: 5)
            return checks.allSatisfy { ownership.holds($0, at: clock.now) }
        }
        #expect(resumed, "probing resumes once the store is back")
        #expect(ownership.activeFindings.contains("acme/www/http#down"), "with the incidents opened while it was cut off")
    }
}
