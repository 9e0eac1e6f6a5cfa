import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The content probe against the real test nginx: Acme's healthy page (`/ok`), a defaced page
/// (`/defaced`) and a missing one, each judged with its reason in words.
@Suite("Content probe")
struct ContentProbeTests {
    let engine: CurlEngine
    let probe: ContentProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = ContentProbe(engine: engine, clock: SystemClock())
    }

    func run(_ path: String, requires: [String], forbids: [String] = ContentCheckSpec.defaultForbids) async throws -> ProbeResult {
        let base = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let spec = ContentCheckSpec(url: URL(string: base + path)!, requires: requires, forbids: forbids)
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "content", spec: .content(spec), interval: .seconds(60),
            timeout: .seconds(10), detection: .standard
        )
        return try await probe.run(spec, for: check)
    }

    @Test func theHealthyPageIsUpWithMarkersMatchedWithoutCase() async throws {
        let result = try await run("/ok", requires: ["Welcome to Acme", "welcome TO acme"])
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.statusCode == 200)
        #expect(result.reason.hasPrefix("HTTP 200 in"))
        #expect(result.checkID == "acme/www/content")
    }

    @Test func aMissingMarkerIsDefacedAndNamed() async throws {
        let result = try await run("/ok", requires: ["Welcome to Acme", "Acme Shop"])
        #expect(result.outcome == .down)
        #expect(result.failure == .defaced)
        #expect(result.reason == "HTTP 200 but the page lacks the required marker \"Acme Shop\"")
    }

    @Test func aDefaultForbiddenPatternIsFoundWithoutCase() async throws {
        let result = try await run("/defaced", requires: ["Welcome to Acme"])
        #expect(result.outcome == .down)
        #expect(result.failure == .defaced)
        #expect(result.statusCode == 200)
        #expect(result.reason == "HTTP 200 but the page contains the forbidden pattern \"hacked by\"")
    }

    @Test func aForbiddenPatternOfTheCheckIsFoundWithoutCase() async throws {
        let result = try await run("/defaced", requires: ["<h1>"], forbids: ["NOBODY"])
        #expect(result.outcome == .down)
        #expect(result.failure == .defaced)
        #expect(result.reason == "HTTP 200 but the page contains the forbidden pattern \"NOBODY\"")
    }

    @Test func noForbiddenPatternsLeavesOnlyTheMarkers() async throws {
        let result = try await run("/defaced", requires: ["<h1>"], forbids: [])
        #expect(result.outcome == .up)
    }

    @Test func aMissingPageIsDownByItsStatusNotDefaced() async throws {
        let result = try await run("/no-such-page", requires: ["Welcome to Acme"])
        #expect(result.outcome == .down)
        #expect(result.failure == .unexpectedStatus)
        #expect(result.statusCode == 404)
        #expect(result.reason == "HTTP 404, expected 2xx or 3xx")
    }

    @Test func aServerErrorIsDownAs5xx() async throws {
        let result = try await run("/502", requires: ["Welcome to Acme"])
        #expect(result.failure == .serverError)
        #expect(result.isServerError)
    }

    @Test func anUnreachableSiteIsDownAsForHTTP() async throws {
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let spec = ContentCheckSpec(url: URL(string: "http://127.0.0.1:\(port)/")!, requires: ["Acme"])
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "content", spec: .content(spec), interval: .seconds(60),
            timeout: .seconds(10), detection: .standard
        )
        let result = try await probe.run(spec, for: check)
        #expect(result.outcome == .down)
        #expect(result.failure == .connectionRefused)
        #expect(result.reason == "connection refused")
    }
}
