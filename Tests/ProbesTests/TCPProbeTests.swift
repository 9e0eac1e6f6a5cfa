import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The TCP connect probe against the real test nginx (an open port) and a port where nothing listens.
@Suite("TCP probe")
struct TCPProbeTests {
    let engine: CurlEngine
    let probe: TCPProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = TCPProbe(engine: engine, clock: SystemClock())
    }

    func run(host: String = "127.0.0.1", port: Int) async throws -> ProbeResult {
        let spec = TCPCheckSpec(host: host, port: port)
        let check = Check(
            targetID: "acme/db", customer: "acme", name: "tcp", spec: .tcp(spec), interval: .seconds(60),
            timeout: .seconds(5), detection: .standard
        )
        return try await probe.run(spec, for: check)
    }

    @Test func anOpenPortIsUpWithItsConnectTime() async throws {
        let nginx = try #require(URL(string: try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")))
        let port = try #require(nginx.port)
        let result = try await run(port: port)
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.reason.hasPrefix("connected to 127.0.0.1:\(port) in"))
        #expect(result.timings.connect > 0)
        #expect(result.timings.connect <= result.timings.total)
        #expect(result.checkID == "acme/db/tcp")
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let result = try await run(port: port)
        #expect(result.outcome == .down)
        #expect(result.failure == .connectionRefused)
        #expect(result.reason == "connection refused")
    }

    @Test func anUnknownHostIsADNSFailure() async throws {
        let result = try await run(host: "no-such-host.invalid", port: 3306)
        #expect(result.outcome == .down)
        #expect(result.failure == .dnsFailure)
        #expect(result.reason.hasPrefix("host name not found"))
    }
}
