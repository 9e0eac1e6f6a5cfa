import Foundation
import Scheduler
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// The whole chain against a real nginx site that goes down and comes back: HTTP probe,
/// detection, incident in the store, automatic resolution.
struct RealSiteTests {
    @Test func aRealOutageOpensOneIncidentThatResolvesWhenTheSiteRecovers() async throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let switchFile = try TestServers.require(TestServers.switchFile, "TRIAGE_TEST_SWITCH_FILE")
        try "Welcome back".write(toFile: switchFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: switchFile) }

        let check = Check(
            targetID: "acme/switch", customer: "acme", name: "http",
            spec: .http(HTTPCheckSpec(url: URL(string: nginx + "/switch")!, mustContain: ["Welcome"])),
            interval: .seconds(1), timeout: .seconds(5),
            detection: DetectionSettings(recheckDelay: .milliseconds(200))
        )
        let chain = try await RealChain.start(check)
        defer { chain.stop() }
        let (store, scheduler) = (chain.store, chain.scheduler)

        func tickets() async throws -> [Ticket] { try await store.tickets(TicketFilter()) }
        try await waitUntil { scheduler.probesCompleted >= 2 }
        #expect(try await tickets().isEmpty, "an up site raises nothing")

        try FileManager.default.removeItem(atPath: switchFile)
        try await waitUntil { try await tickets().first?.status == .open }
        let incident = try #require(try await tickets().first)
        #expect(incident.caseID == .siteDown)
        #expect(incident.summary.contains("HTTP 404"))

        try "Welcome back".write(toFile: switchFile, atomically: true, encoding: .utf8)
        try await waitUntil { try await tickets().first?.status == .resolved }
        let all = try await tickets()
        #expect(all.count == 1)
        #expect(all.first?.resolution == "recovered automatically")
    }
}

/// Waits (in real time, up to 20 s) for a condition that a running daemon will make true.
func waitUntil(_ condition: () async throws -> Bool) async throws {
    let end = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < end {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("the condition did not hold within 20 s")
}
