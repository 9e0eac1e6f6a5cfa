import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The TLS certificate probe against the test nginx's three https sites, whose certificates come
/// from a throwaway CA: valid for a year, expiring in 3 days, and expired since 2025-02-01.
@Suite("TLS probe")
struct TLSProbeTests {
    let engine: CurlEngine
    let probe: TLSProbe
    let clock = SystemClock()

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = TLSProbe(engine: engine, clock: clock)
    }

    func run(_ url: String, trustTestCA: Bool = true) async throws -> ProbeResult {
        let caFile = trustTestCA ? try TestServers.require(TestServers.caFile, "TRIAGE_TEST_CA_FILE") : nil
        let spec = TLSCheckSpec(url: URL(string: url)!, warnWithin: .seconds(14 * 86_400), caFile: caFile)
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "tls", spec: .tls(spec), interval: .seconds(3600),
            timeout: .seconds(10), detection: .standard
        )
        return try await probe.run(spec, for: check)
    }

    @Test func aValidCertificateIsUpWithItsExpiry() async throws {
        let result = try await run(try TestServers.require(TestServers.httpsValid, "TRIAGE_TEST_HTTPS_VALID"))
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        let expiresAt = try #require(result.certificateExpiresAt)
        let daysLeft = expiresAt.timeIntervalSince(result.startedAt) / 86_400
        #expect((363...366).contains(daysLeft))
        #expect(result.reason.contains("CN = localhost"))
        #expect(result.timings.tls >= result.timings.connect)
    }

    @Test func aCertificateExpiringWithinWarnWithinIsDegraded() async throws {
        let result = try await run(try TestServers.require(TestServers.httpsExpiring, "TRIAGE_TEST_HTTPS_EXPIRING"))
        #expect(result.outcome == .degraded)
        #expect(result.failure == nil)
        let expiresAt = try #require(result.certificateExpiresAt)
        #expect(expiresAt.timeIntervalSince(result.startedAt) < 3 * 86_400 + 60)
        // Issued for 3 days when the servers started, minutes ago: 2 whole days are left.
        #expect(result.reason == "certificate expires in 2 days (\(expiresAt.formatted(.iso8601.year().month().day())))")
    }

    @Test func anExpiredCertificateIsDownWithItsExpiryDate() async throws {
        let result = try await run(try TestServers.require(TestServers.httpsExpired, "TRIAGE_TEST_HTTPS_EXPIRED"))
        #expect(result.outcome == .down)
        #expect(result.failure == .tlsFailure)
        #expect(result.reason.hasPrefix("certificate expired on 2025-02-01 ("))
        #expect(result.certificateExpiresAt == Date(timeIntervalSince1970: 1_738_368_000))
    }

    @Test func aCertificateFromAnUntrustedCAIsDown() async throws {
        let url = try TestServers.require(TestServers.httpsValid, "TRIAGE_TEST_HTTPS_VALID")
        let result = try await run(url, trustTestCA: false)
        #expect(result.outcome == .down)
        #expect(result.failure == .tlsFailure)
        #expect(result.reason.hasPrefix("TLS failure ("))
    }

    @Test func aRefusedPortIsDownAsRefused() async throws {
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let result = try await run("https://localhost:\(port)/")
        #expect(result.outcome == .down)
        #expect(result.failure == .connectionRefused)
        #expect(result.certificateExpiresAt == nil)
    }
}
