import Detection
import Foundation
import Testing
import TriageCore

/// Where a failing DNS check is filed: results fed by hand, time taken from the results.
///
/// A name that does not resolve (or resolves wrong) hides the site: site-down. A name server
/// whose network or host is unreachable on every confirming probe: network-failure.
struct DNSDetectionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func check() -> Check {
        let spec = DNSCheckSpec(name: "www.acme.example", type: .a, expect: ["192.0.2.10"], server: .init(address: "192.0.2.53"))
        return Check(
            targetID: "acme/www", customer: "acme", name: "dns", spec: .dns(spec),
            interval: .seconds(60), timeout: .seconds(5), detection: .standard
        )
    }

    func result(_ failure: FailureClass?, at seconds: Double, code: Int? = nil) -> ProbeResult {
        ProbeResult(
            checkID: "acme/www/dns", startedAt: start.addingTimeInterval(seconds), outcome: failure == nil ? .up : .down,
            failure: failure, reason: failure.map { "dns \($0.rawValue)" } ?? "A www.acme.example: 192.0.2.10",
            statusCode: code, timings: PhaseTimings(dns: 0.001, total: 0.001)
        )
    }

    @Test(arguments: [
        (FailureClass.dnsFailure, 3), (.dnsFailure, 0), (.dnsFailure, 5), (.contentMismatch, 0), (.timeout, nil),
        (.connectionRefused, nil),
    ] as [(FailureClass, Int?)])
    func aNameThatDoesNotResolveIsSiteDown(failure: FailureClass, code: Int?) throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(failure, at: 0, code: code)).recheckSoon)
        let finding = try #require(detector.observe(result(failure, at: 3, code: code)).raised.first)
        #expect(finding.kind == .down)
        #expect(finding.kind.caseID == .siteDown)
        #expect(finding.code == .red)
    }

    @Test func anUnreachableNameServerOnEveryProbeIsANetworkFailure() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(.unreachable, at: 0)).recheckSoon)
        let verdict = detector.observe(result(.unreachable, at: 3))
        let finding = try #require(verdict.raised.first)
        #expect(verdict.raised.count == 1)
        #expect(finding.kind == .networkFailure)
        #expect(finding.kind.caseID == .networkFailure)
        #expect(finding.kind.caseID.rawValue == "network-failure")
        #expect(finding.code == .red)
        #expect(finding.dedupKey == "acme/www/dns#network")
        #expect(finding.summary == "acme/www/dns: network failure: dns unreachable")
        #expect(finding.evidence.count == 2)
        #expect(detector.active == [.networkFailure])
    }

    @Test func unreachableMixedWithOtherFailuresIsSiteDown() throws {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.unreachable, at: 0))
        let finding = try #require(detector.observe(result(.timeout, at: 3)).raised.first)
        #expect(finding.kind == .down)
    }

    @Test func aNetworkFailureIsTheOnlyAvailabilityIncidentAndRecovers() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.unreachable, at: 0))
        _ = detector.observe(result(.unreachable, at: 3))
        for minute in 1...5 {
            #expect(detector.observe(result(.dnsFailure, at: Double(minute * 60), code: 3)).raised.isEmpty, "no second page for the same outage")
        }
        #expect(detector.observe(result(nil, at: 400)).recovered.isEmpty)
        #expect(detector.observe(result(nil, at: 460)).recovered == [.networkFailure])
        #expect(detector.active.isEmpty)
    }

    @Test func aRestartedDetectorKeepsAnOpenNetworkFailure() {
        var detector = CheckDetector(check: check(), active: [.networkFailure])
        #expect(detector.observe(result(.unreachable, at: 0)).raised.isEmpty)
        #expect(detector.observe(result(.unreachable, at: 3)).raised.isEmpty)
        _ = detector.observe(result(nil, at: 60))
        #expect(detector.observe(result(nil, at: 120)).recovered == [.networkFailure])
    }
}
