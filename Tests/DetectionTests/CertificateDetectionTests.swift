import Detection
import Foundation
import Testing
import TriageCore

/// The expiring-certificate rule: TLS results fed by hand, time taken from the results.
struct CertificateDetectionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    func check(_ spec: CheckSpec? = nil) -> Check {
        let tls = TLSCheckSpec(url: URL(string: "https://www.acme.example/")!, warnWithin: .seconds(14 * 86_400))
        return Check(
            targetID: "acme/www", customer: "acme", name: "tls", spec: spec ?? .tls(tls),
            interval: .seconds(3600), timeout: .seconds(30), detection: .standard
        )
    }

    /// A TLS result at `hours` after the start, whose certificate has `daysLeft` days left.
    func result(_ outcome: ProbeOutcome, at hours: Double, daysLeft: Double) -> ProbeResult {
        let startedAt = start.addingTimeInterval(hours * 3600)
        return ProbeResult(
            checkID: "acme/www/tls", startedAt: startedAt, outcome: outcome,
            failure: outcome == .down ? .tlsFailure : nil, reason: "certificate \(outcome)",
            certificateExpiresAt: startedAt.addingTimeInterval(daysLeft * day)
        )
    }

    @Test func theFirstExpiringResultRaisesAYellowFindingOnce() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(.up, at: 0, daysLeft: 20)).isQuiet)
        let verdict = detector.observe(result(.degraded, at: 1, daysLeft: 13))
        let finding = try #require(verdict.raised.first)
        #expect(verdict.raised.count == 1)
        #expect(!verdict.recheckSoon)
        #expect(finding.kind == .certificateExpiring)
        #expect(finding.code == .yellow)
        #expect(finding.kind.caseID == .certificateExpiring)
        #expect(finding.dedupKey == "acme/www/tls#cert-expiring")
        #expect(finding.summary == "acme/www/tls: TLS certificate expiring soon: certificate degraded")
        #expect(finding.evidence.count == 1)
        #expect(detector.observe(result(.degraded, at: 2, daysLeft: 12)).raised.isEmpty)
        #expect(detector.active == [.certificateExpiring])
    }

    @Test func itRecoversAfterRecoverAfterRenewedResults() {
        var detector = CheckDetector(check: check(), active: [.certificateExpiring])
        #expect(detector.observe(result(.up, at: 0, daysLeft: 90)).recovered.isEmpty)
        #expect(detector.observe(result(.degraded, at: 1, daysLeft: 5)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 2, daysLeft: 90)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 3, daysLeft: 90)).recovered == [.certificateExpiring])
        #expect(detector.active.isEmpty)
    }

    @Test func anExpiredCertificateIsRedSiteDownAndKeepsTheWarningOpen() throws {
        var detector = CheckDetector(check: check(), active: [.certificateExpiring])
        _ = detector.observe(result(.down, at: 0, daysLeft: -1))
        let verdict = detector.observe(result(.down, at: 0.01, daysLeft: -1))
        let finding = try #require(verdict.raised.first)
        #expect(finding.kind == .down)
        #expect(finding.code == .red)
        #expect(verdict.recovered.isEmpty)
        #expect(detector.active == [.certificateExpiring, .down])
    }

    @Test func aDegradedResultWithAFarExpiryRaisesNothing() {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(.degraded, at: 0, daysLeft: 30)).raised.isEmpty)
    }

    @Test func otherKindsOfCheckNeverRaiseIt() {
        var detector = CheckDetector(check: check(.tcp(TCPCheckSpec(host: "db.acme.example", port: 3306))))
        #expect(detector.observe(result(.degraded, at: 0, daysLeft: 1)).raised.isEmpty)
        #expect(detector.active.isEmpty)
    }
}
