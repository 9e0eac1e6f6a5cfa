import Detection
import Foundation
import Testing
import TriageCore

/// The YELLOW slow-load warning: answers between `warnAfter` (5 s here) and the RED `slowAfter`
/// (10 s), fed by hand, two in a row (`slowAfterCount`) to warn.
struct SlowWarningDetectionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func check(warnAfter: Duration? = .seconds(5)) -> Check {
        Check(
            targetID: "acme/www", customer: "acme", name: "page",
            spec: .page(PageCheckSpec(url: URL(string: "https://www.acme.example/")!)),
            interval: .seconds(60), timeout: .seconds(30), detection: DetectionSettings(warnAfter: warnAfter)
        )
    }

    /// An answer `minutes` after the start that took `seconds`.
    func answer(at minutes: Double, seconds: Double, _ outcome: ProbeOutcome = .up) -> ProbeResult {
        ProbeResult(
            checkID: "acme/www/page", startedAt: start.addingTimeInterval(minutes * 60), outcome: outcome,
            failure: outcome == .down ? .timeout : nil, reason: "loaded in \(seconds) s",
            timings: PhaseTimings(total: seconds)
        )
    }

    @Test func twoAnswersOverWarnAfterRaiseOneYellowWarning() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(answer(at: 0, seconds: 6)).isQuiet)
        let verdict = detector.observe(answer(at: 1, seconds: 7))
        let finding = try #require(verdict.raised.first)
        #expect(verdict.raised.count == 1)
        #expect(finding.kind == .slowWarning)
        #expect(finding.code == .yellow)
        #expect(finding.kind.caseID == .slowLoadWarning)
        #expect(finding.summary == "acme/www/page: load time over the warning threshold of 5 s: loaded in 7.0 s")
        #expect(finding.evidence.count == 2)
        #expect(detector.observe(answer(at: 2, seconds: 8)).isQuiet, "no second warning while one is open")
    }

    @Test func anAnswerUnderWarnAfterBreaksTheStreak() {
        var detector = CheckDetector(check: check())
        for (minute, seconds) in [(0.0, 6.0), (1, 2), (2, 6), (3, 1)] {
            #expect(detector.observe(answer(at: minute, seconds: seconds)).isQuiet)
        }
    }

    @Test func theWarningRecoversAfterTwoAnswersUnderWarnAfter() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(answer(at: 0, seconds: 6))
        _ = detector.observe(answer(at: 1, seconds: 6))
        #expect(detector.observe(answer(at: 2, seconds: 1)).isQuiet)
        #expect(detector.observe(answer(at: 3, seconds: 1)).recovered == [.slowWarning])
        #expect(!detector.active.contains(.slowWarning))
    }

    @Test func noWarningWhileTheRedSlowLoadIsOpen() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(answer(at: 0, seconds: 12, .degraded))
        #expect(detector.observe(answer(at: 1, seconds: 12, .degraded)).raised.map(\.kind) == [.slow])
        #expect(detector.observe(answer(at: 2, seconds: 12, .degraded)).raised.isEmpty)
        #expect(detector.active == [.slow])
    }

    @Test func downResultsNeitherCountNorBreakTheStreak() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(answer(at: 0, seconds: 6))
        _ = detector.observe(answer(at: 1, seconds: 30, .down))
        #expect(detector.observe(answer(at: 2, seconds: 6)).raised.map(\.kind) == [.slowWarning])
    }

    @Test func aCheckWithoutWarnAfterNeverWarns() {
        var detector = CheckDetector(check: check(warnAfter: nil))
        for minute in 0..<5 {
            #expect(detector.observe(answer(at: Double(minute), seconds: 9)).isQuiet)
        }
    }
}
