import Detection
import Foundation
import Testing
import TriageCore

/// The defacement rule: content results fed by hand, time taken from the results.
struct DefacementDetectionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func check() -> Check {
        let spec = ContentCheckSpec(url: URL(string: "https://www.acme.example/")!, requires: ["Acme Shop"])
        return Check(
            targetID: "acme/www", customer: "acme", name: "content", spec: .content(spec),
            interval: .seconds(60), timeout: .seconds(30), detection: .standard
        )
    }

    func result(_ failure: FailureClass?, at minutes: Double) -> ProbeResult {
        ProbeResult(
            checkID: "acme/www/content", startedAt: start.addingTimeInterval(minutes * 60),
            outcome: failure == nil ? .up : .down, failure: failure, reason: failure.map { "page \($0.rawValue)" } ?? "HTTP 200",
            statusCode: failure == .connectionRefused ? nil : 200, timings: PhaseTimings(total: 0.05)
        )
    }

    @Test func theFirstDefacedResultRaisesRedDefacedAtOnce() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(nil, at: 0)).isQuiet)
        let verdict = detector.observe(result(.defaced, at: 1))
        let finding = try #require(verdict.raised.first)
        #expect(verdict.raised.count == 1)
        #expect(!verdict.recheckSoon)
        #expect(finding.kind == .defaced)
        #expect(finding.code == .red)
        #expect(finding.kind.caseID == .defaced)
        #expect(finding.kind.caseID.rawValue == "defaced")
        #expect(finding.dedupKey == "acme/www/content#defaced")
        #expect(finding.summary == "acme/www/content: website defaced: page defaced")
        #expect(finding.evidence.count == 1)
        #expect(detector.active == [.defaced])
    }

    @Test func theDownRuleOpensNoSecondIncidentForTheSameResults() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.defaced, at: 0))
        for minute in 1...30 {
            let verdict = detector.observe(result(.defaced, at: Double(minute)))
            #expect(verdict.raised.isEmpty)
            #expect(!verdict.recheckSoon)
        }
        #expect(detector.observe(result(.connectionRefused, at: 31)).raised.isEmpty)
        #expect(detector.observe(result(.connectionRefused, at: 32)).raised.isEmpty)
        #expect(detector.active == [.defaced])
    }

    @Test func itRecoversAfterRecoverAfterCleanResults() {
        var detector = CheckDetector(check: check(), active: [.defaced])
        #expect(detector.observe(result(nil, at: 0)).recovered.isEmpty)
        #expect(detector.observe(result(.connectionRefused, at: 1)).recovered.isEmpty)
        #expect(detector.observe(result(nil, at: 2)).recovered.isEmpty)
        #expect(detector.observe(result(nil, at: 3)).recovered == [.defaced])
        #expect(detector.active.isEmpty)
    }

    @Test func aDefacementAfterRecoveryIsRaisedAgain() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.defaced, at: 0))
        _ = detector.observe(result(nil, at: 1))
        #expect(detector.observe(result(nil, at: 2)).recovered == [.defaced])
        #expect(detector.observe(result(.defaced, at: 3)).raised.map(\.kind) == [.defaced])
    }

    @Test func otherFailuresOfAContentCheckStayOrdinaryOutages() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(.unexpectedStatus, at: 0)).recheckSoon)
        let verdict = detector.observe(result(.unexpectedStatus, at: 1))
        #expect(try #require(verdict.raised.first).kind == .down)
        #expect(detector.active == [.down])
    }
}
