import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The page probe against the real test nginx: a page with healthy assets (`/page`), one whose
/// only asset takes 11 s (`/page-slow`), one with a missing stylesheet (`/page-broken`), and a
/// missing page.
@Suite("Page probe")
struct PageProbeTests {
    let engine: CurlEngine
    let probe: PageProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = PageProbe(engine: engine, clock: SystemClock())
    }

    func run(
        _ path: String, timeout: Duration = .seconds(20), slowAfter: Duration = .seconds(10), warnAfter: Duration? = nil
    ) async throws -> ProbeResult {
        let base = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let spec = PageCheckSpec(url: URL(string: base + path)!)
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "page", spec: .page(spec), interval: .seconds(60),
            timeout: timeout, detection: DetectionSettings(slowAfter: slowAfter, warnAfter: warnAfter)
        )
        return try await probe.run(spec, for: check)
    }

    @Test func aHealthyPageIsUpWithItsAssetsCountedAndTimed() async throws {
        let result = try await run("/page")
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.statusCode == 200)
        #expect(result.reason.hasPrefix("page and 3 assets loaded in "))
        #expect(result.reason.contains("; slowest: /"))
        #expect(result.timings.total >= 1)
        #expect(result.bytesRead >= 5 << 20, "the 5 MiB image is downloaded whole, as a browser does")
        #expect(result.checkID == "acme/www/page")
    }

    @Test func aPageOverWarnAfterStaysUpWithTheWarningInItsReason() async throws {
        let result = try await run("/page", warnAfter: .seconds(1))
        #expect(result.outcome == .up)
        #expect(result.reason.contains(", over warnAfter (1 s); slowest: /"))
    }

    @Test func aSlowAssetMakesAFastPageDegradedAndIsNamed() async throws {
        let result = try await run("/page-slow")
        #expect(result.outcome == .degraded)
        #expect(result.failure == nil)
        #expect(result.timings.total >= 11)
        #expect(result.reason.hasPrefix("page and 1 asset loaded in 11."))
        #expect(result.reason.contains("; slowest: /slow?s=11 11."))
    }

    @Test func aFailingAssetIsNamedWhileThePageStaysUp() async throws {
        let result = try await run("/page-broken")
        #expect(result.outcome == .up)
        #expect(result.reason.hasSuffix("; 1 asset failed: /missing.css 404"))
        #expect(result.reason.hasPrefix("page and 2 assets loaded in "))
    }

    @Test func aMissingPageIsDownAsForHTTP() async throws {
        let result = try await run("/no-such-page")
        #expect(result.outcome == .down)
        #expect(result.failure == .unexpectedStatus)
        #expect(result.statusCode == 404)
        #expect(result.reason == "HTTP 404, expected 2xx or 3xx")
    }

    @Test func anAssetPastTheTimeLeftFailsAsATimeout() async throws {
        let result = try await run("/page-slow", timeout: .seconds(3), slowAfter: .seconds(2))
        #expect(result.outcome == .degraded)
        #expect(result.timings.total < 4)
        #expect(result.reason.hasSuffix("; 1 asset failed: /slow?s=11 timeout"))
    }
}
