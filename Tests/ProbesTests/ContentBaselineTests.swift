import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// Content baselines against the real test nginx: a baseline taken of `/article` (whose
/// timestamps change on every request), then the same page, an edited one, one whose text was
/// replaced while its markers stayed, and region markers the page lost.
@Suite("Content baseline")
struct ContentBaselineTests {
    let engine: CurlEngine
    let probe: ContentProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = ContentProbe(engine: engine, clock: SystemClock())
    }

    func check(_ path: String, baseline: ContentBaseline? = nil) throws -> (ContentCheckSpec, Check) {
        let base = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let spec = ContentCheckSpec(url: URL(string: base + path)!, requires: ["Welcome to Acme", "Acme Ltd"], baseline: baseline)
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "integrity", spec: .content(spec), interval: .seconds(60),
            timeout: .seconds(10), detection: .standard
        )
        return (spec, check)
    }

    /// The baseline of `/article`'s main part, allowing 30% of change.
    func articleBaseline(from: String? = "<main", to: String? = "</main>") async throws -> CapturedBaseline {
        let (spec, check) = try check("/article")
        return try await probe.captureBaseline(spec, for: check, maxChange: 0.3, from: from, to: to)
    }

    func run(_ path: String, against baseline: ContentBaseline) async throws -> ProbeResult {
        let (spec, check) = try check(path, baseline: baseline)
        return try await probe.run(spec, for: check)
    }

    @Test func theSamePageWithNewTimestampsHasNotChanged() async throws {
        let captured = try await articleBaseline()
        #expect(captured.words > 60)
        #expect(captured.result.statusCode == 200)
        let result = try await run("/article", against: captured.baseline)
        #expect(result.outcome == .up)
        #expect(result.reason.hasSuffix("; 0% of its text changed since the baseline (allowed 30%)"), "\(result.reason)")
    }

    @Test func anEditedArticleStaysUpWithItsChangeInTheReason() async throws {
        let captured = try await articleBaseline()
        let result = try await run("/article-edited", against: captured.baseline)
        #expect(result.outcome == .up, "\(result.reason)")
        #expect(result.reason.contains("of its text changed since the baseline (allowed 30%)"))
        #expect(!result.reason.contains("; 0% of"), "an edit is seen: \(result.reason)")
    }

    @Test func aReplacedPageThatKeptItsMarkersIsDefaced() async throws {
        let captured = try await articleBaseline()
        let result = try await run("/article-replaced", against: captured.baseline)
        #expect(result.outcome == .down)
        #expect(result.failure == .defaced)
        #expect(result.reason.hasPrefix("HTTP 200 but "), "\(result.reason)")
        #expect(result.reason.hasSuffix("of its text changed since the baseline (allowed 30%)"))
    }

    @Test func aPageThatLostItsRegionMarkerIsDefaced() async throws {
        let captured = try await articleBaseline()
        var baseline = captured.baseline
        baseline.from = "<article"
        let result = try await run("/article", against: baseline)
        #expect(result.failure == .defaced)
        #expect(result.reason == "HTTP 200 but the page lacks the baseline's region marker \"<article\"")
    }

    @Test func noBaselineIsTakenOfAPageThatIsDownOrLacksTheMarkers() async throws {
        let (spec, check) = try check("/502")
        await #expect(throws: BaselineCaptureError.pageDown(check: "acme/www/integrity", reason: "HTTP 502, expected 2xx or 3xx")) {
            try await probe.captureBaseline(spec, for: check, maxChange: 0.5, from: nil, to: nil)
        }
        await #expect(throws: BaselineCaptureError.regionMarkerMissing(check: "acme/www/integrity", marker: "</article>")) {
            try await articleBaseline(from: "<main", to: "</article>")
        }
    }
}
