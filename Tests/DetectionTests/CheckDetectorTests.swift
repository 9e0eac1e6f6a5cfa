import Detection
import Foundation
import Testing
import TriageCore

/// Feeds hand-made results to a detector; time comes from the results, advanced like a clock.
struct CheckDetectorTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func check(_ settings: DetectionSettings = .standard) -> Check {
        Check(
            targetID: "acme/www", customer: "acme", name: "home",
            spec: .http(HTTPCheckSpec(url: URL(string: "http://127.0.0.1/")!)),
            interval: .seconds(60), timeout: .seconds(30), detection: settings
        )
    }

    func result(_ outcome: ProbeOutcome, at seconds: Double, status: Int? = nil, total: Double = 0.05) -> ProbeResult {
        ProbeResult(
            checkID: "acme/www/home", startedAt: start.addingTimeInterval(seconds), outcome: outcome,
            failure: outcome == .down ? .connectionRefused : nil, reason: "\(outcome) \(status ?? 0)",
            statusCode: status, timings: PhaseTimings(total: total)
        )
    }

    @Test func singleFailureRaisesNothingButAsksForARecheck() {
        var detector = CheckDetector(check: check())
        let verdict = detector.observe(result(.down, at: 0))
        #expect(verdict.raised.isEmpty)
        #expect(verdict.recheckSoon)
        let after = detector.observe(result(.up, at: 3, status: 200))
        #expect(after.isQuiet)
        #expect(detector.active.isEmpty)
    }

    @Test func consecutiveFailuresRaiseDownOnceWithEvidence() throws {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.down, at: 0))
        let confirmed = detector.observe(result(.down, at: 3))
        let finding = try #require(confirmed.raised.first)
        #expect(confirmed.raised.count == 1)
        #expect(finding.kind == .down)
        #expect(finding.code == .red)
        #expect(finding.kind.caseID == .siteDown)
        #expect(finding.detectedAt == start.addingTimeInterval(3))
        #expect(finding.evidence.count == 2)
        #expect(finding.dedupKey == "acme/www/home#down")
        for minute in 1...120 {
            #expect(detector.observe(result(.down, at: Double(minute * 60))).raised.isEmpty)
        }
        #expect(detector.active == [.down])
    }

    @Test func recoveryNeedsConsecutiveSuccesses() {
        var detector = CheckDetector(check: check(), active: [.down])
        #expect(detector.observe(result(.up, at: 0, status: 200)).recovered.isEmpty)
        #expect(detector.observe(result(.down, at: 60)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 120, status: 200)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 180, status: 200)).recovered == [.down])
        #expect(detector.active.isEmpty)
    }

    @Test func downAfterIsConfigurable() {
        var detector = CheckDetector(check: check(DetectionSettings(downAfter: 3)))
        #expect(detector.observe(result(.down, at: 0)).raised.isEmpty)
        #expect(detector.observe(result(.down, at: 3)).raised.isEmpty)
        #expect(detector.observe(result(.down, at: 6)).raised.map(\.kind) == [.down])
    }

    @Test func serverErrorBurstWithSuccessesBetween() {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(.down, at: 0, status: 502)).raised.isEmpty)
        #expect(detector.observe(result(.up, at: 60, status: 200)).raised.isEmpty)
        #expect(detector.observe(result(.down, at: 120, status: 500)).raised.isEmpty)
        #expect(detector.observe(result(.up, at: 180, status: 200)).raised.isEmpty)
        let burst = detector.observe(result(.down, at: 240, status: 503))
        #expect(burst.raised.map(\.kind) == [.serverErrors])
        #expect(burst.raised.first?.kind.caseID == .repeated5xx)
        #expect(burst.raised.first?.evidence.count == 3)
    }

    @Test func serverErrorsSpreadBeyondTheWindowRaiseNothing() {
        var detector = CheckDetector(check: check())
        for (index, at) in [0.0, 200, 400, 600].enumerated() {
            #expect(detector.observe(result(.down, at: at, status: 500)).raised.isEmpty, "5xx #\(index)")
            #expect(detector.observe(result(.up, at: at + 60, status: 200)).raised.isEmpty)
        }
    }

    @Test func serverErrorBurstRecoversAfterConsecutiveSuccesses() {
        var detector = CheckDetector(check: check(), active: [.serverErrors])
        _ = detector.observe(result(.down, at: 0, status: 500))
        #expect(detector.observe(result(.up, at: 60, status: 200)).recovered.isEmpty)
        #expect(detector.observe(result(.down, at: 90, status: 500)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 120, status: 200)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 180, status: 200)).recovered == [.serverErrors])
        #expect(detector.observe(result(.down, at: 200, status: 500)).raised.isEmpty, "the window starts afresh after recovery")
    }

    @Test func aSiteAnsweringOnly5xxIsOneRepeated5xxIncident() {
        var detector = CheckDetector(check: check())
        var raised: [FindingKind] = []
        for step in 0..<10 {
            raised += detector.observe(result(.down, at: Double(step * 30), status: 502)).raised.map(\.kind)
        }
        #expect(raised == [.serverErrors])
    }

    @Test func anUnreachableSiteAfterA5xxIsDownAndStillOneIncident() {
        var detector = CheckDetector(check: check())
        var raised: [FindingKind] = []
        raised += detector.observe(result(.down, at: 0, status: 502)).raised.map(\.kind)
        for step in 1..<10 {
            raised += detector.observe(result(.down, at: Double(step * 30))).raised.map(\.kind)
        }
        #expect(raised == [.down])
    }

    @Test func aSiteWhoseNetworkIsUnreachableIsANetworkFailureNotSiteDown() throws {
        var detector = CheckDetector(check: check())
        var unreachable = result(.down, at: 0)
        unreachable.failure = .unreachable
        unreachable.reason = "network or host unreachable (Failed to connect: No route to host)"
        _ = detector.observe(unreachable)
        unreachable.startedAt = unreachable.startedAt.addingTimeInterval(3)
        let finding = try #require(detector.observe(unreachable).raised.first)
        #expect(finding.kind == .networkFailure)
        #expect(finding.caseID == .networkFailure)
        #expect(finding.code == .red)
    }

    @Test func slowPageIsMeasuredAsSlowNotDown() {
        var detector = CheckDetector(check: check())
        let first = detector.observe(result(.degraded, at: 0, status: 200, total: 12))
        #expect(first.raised.isEmpty)
        #expect(first.recheckSoon)
        let second = detector.observe(result(.degraded, at: 15, status: 200, total: 12.5))
        #expect(second.raised.map(\.kind) == [.slow])
        #expect(second.raised.first?.kind.caseID == .slowLoad)
        #expect(detector.active == [.slow])
        _ = detector.observe(result(.up, at: 75, status: 200, total: 0.2))
        #expect(detector.observe(result(.up, at: 135, status: 200, total: 0.2)).recovered == [.slow])
    }

    @Test func aFastPageInBetweenResetsTheSlowStreak() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.degraded, at: 0, status: 200, total: 11))
        _ = detector.observe(result(.up, at: 3, status: 200, total: 1))
        #expect(detector.observe(result(.degraded, at: 60, status: 200, total: 11)).raised.isEmpty)
    }

    @Test func restartedDetectorDoesNotRaiseAnAlreadyOpenIncidentAgain() {
        var detector = CheckDetector(check: check(), active: [.down])
        #expect(detector.observe(result(.down, at: 0)).raised.isEmpty)
        #expect(detector.observe(result(.down, at: 3)).raised.isEmpty)
        #expect(detector.observe(result(.down, at: 6)).recheckSoon == false)
    }
}
