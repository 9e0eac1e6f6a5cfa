import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The HTTP probe against the real test nginx and its misbehaving upstream: every outcome it
/// claims to classify, each ending within the check's timeout with its reason in words.
@Suite("HTTP probe")
struct HTTPProbeTests {
    let engine: CurlEngine
    let probe: HTTPProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = HTTPProbe(engine: engine, clock: SystemClock())
    }

    func run(
        _ url: String, timeout: Duration = .seconds(10), slowAfter: Duration = .seconds(10),
        configure: (inout HTTPCheckSpec) -> Void = { _ in }
    ) async throws -> ProbeResult {
        var spec = HTTPCheckSpec(url: URL(string: url)!)
        configure(&spec)
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "http", spec: .http(spec), interval: .seconds(60),
            timeout: timeout, detection: DetectionSettings(slowAfter: slowAfter)
        )
        return try await probe.run(spec, for: check)
    }

    func nginx(_ path: String) throws -> String { try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX") + path }

    @Test func aHealthyPageIsUpWithItsTimings() async throws {
        let result = try await run(try nginx("/ok")) { $0.mustContain = ["Welcome"] }
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.statusCode == 200)
        #expect(result.reason.hasPrefix("HTTP 200 in"))
        #expect(result.timings.connect <= result.timings.firstByte && result.timings.firstByte <= result.timings.total)
        #expect(result.checkID == "acme/www/http")
    }

    @Test(arguments: [("/500", 500), ("/502", 502), ("/503", 503), ("/real502", 502)])
    func serverErrorsAreDownWithTheirStatus(path: String, status: Int) async throws {
        let result = try await run(try nginx(path))
        #expect(result.outcome == .down)
        #expect(result.failure == .serverError)
        #expect(result.statusCode == status)
        #expect(result.isServerError)
        #expect(result.reason == "HTTP \(status), expected 2xx or 3xx")
    }

    @Test func anErrorPageServedWith200IsNotVisible() async throws {
        let result = try await run(try nginx("/error-page")) { $0.mustNotContain = ["Fatal error"] }
        #expect(result.outcome == .down)
        #expect(result.failure == .contentMismatch)
        #expect(result.reason == "HTTP 200 but the page contains \"Fatal error\"")
    }

    @Test func anEmptyPageIsNotVisible() async throws {
        let result = try await run(try nginx("/empty")) { $0.mustContain = ["Welcome"] }
        #expect(result.outcome == .down)
        #expect(result.failure == .contentMismatch)
        #expect(result.reason == "HTTP 200 but the page does not contain \"Welcome\"")
    }

    @Test func anUnexpectedStatusIsDown() async throws {
        let result = try await run(try nginx("/ok")) { $0.expectedStatus = [204] }
        #expect(result.outcome == .down)
        #expect(result.failure == .unexpectedStatus)
        #expect(result.reason == "HTTP 200, expected 204")
    }

    @Test func redirectsAreFollowedAndLoopsStopped() async throws {
        let followed = try await run(try nginx("/redirect")) { $0.mustContain = ["Welcome"] }
        #expect(followed.outcome == .up)
        let loop = try await run(try nginx("/loop"))
        #expect(loop.outcome == .down)
        #expect(loop.failure == .tooManyRedirects)
        #expect(loop.reason.hasPrefix("too many redirects"))
    }

    @Test func aRefusedConnectionIsDown() async throws {
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let result = try await run("http://127.0.0.1:\(port)/")
        #expect(result.outcome == .down)
        #expect(result.failure == .connectionRefused)
        #expect(result.reason == "connection refused")
        #expect(result.statusCode == nil)
    }

    @Test(arguments: ["/hang", "/trickle"])
    func aServerThatHangsOrTricklesTimesOutAtTheTimeout(path: String) async throws {
        let result = try await run(try nginx(path), timeout: .seconds(2), slowAfter: .seconds(1))
        #expect(result.outcome == .down)
        #expect(result.failure == .timeout)
        #expect(result.reason.hasPrefix("timed out after 2 s"))
        #expect(result.timings.total < 5)
    }

    @Test func aServerThatClosesWithoutAnsweringIsDown() async throws {
        let result = try await run(try nginx("/reset"))
        #expect(result.outcome == .down)
        #expect(result.failure == .emptyReply)
    }

    @Test func aConnectionResetIsDown() async throws {
        let upstream = try TestServers.require(TestServers.upstream, "TRIAGE_TEST_UPSTREAM")
        let result = try await run(upstream + "/reset")
        #expect(result.outcome == .down)
        #expect([.connectionReset, .emptyReply].contains(result.failure))
    }

    @Test func anEndlessBodyIsReadUpToTheCapAndJudgedOnThatPart() async throws {
        let result = try await run(try nginx("/huge"), timeout: .seconds(10)) { $0.maxBodyBytes = 64 * 1024 }
        #expect(result.outcome == .up)
        #expect(result.bytesRead == 64 * 1024)
        #expect(result.timings.total < 10)
    }

    @Test func aSlowPageIsDegradedNotDown() async throws {
        let result = try await run(try nginx("/slow?s=2"), timeout: .seconds(10), slowAfter: .seconds(1))
        #expect(result.outcome == .degraded)
        #expect(result.failure == nil)
        #expect(result.timings.total >= 2)
        #expect(result.reason.contains("slower than 1 s"))
    }

    @Test func anHTTPSPageSignedByAGivenCAIsUp() async throws {
        let url = try TestServers.require(TestServers.httpsValid, "TRIAGE_TEST_HTTPS_VALID")
        let caFile = try TestServers.require(TestServers.caFile, "TRIAGE_TEST_CA_FILE")
        let result = try await run(url) {
            $0.mustContain = ["Welcome"]
            $0.caFile = caFile
        }
        #expect(result.outcome == .up)
        #expect(result.statusCode == 200)
        #expect(result.timings.tls > 0)
    }
}
