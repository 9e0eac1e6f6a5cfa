import CurlEngine
import Foundation
import TriageCore

/// A TCP connect: the port accepts a connection within the timeout, then the connection is closed.
///
/// It runs through libcurl's connect-only mode on an `http://host:port/` URL, so it shares the
/// engine's one I/O thread and its name resolution, timeouts and failure classes with the other
/// probes; no byte of HTTP is sent. A failure is `down` (refused, connect, timeout, dns) and
/// detection files it as the ordinary site-down case: a closed database port is an outage like
/// any other, so it needs no kind of finding of its own.
public struct TCPProbe: Probe {
    let engine: CurlEngine
    let clock: any TriageClock

    public init(engine: CurlEngine, clock: any TriageClock) {
        self.engine = engine
        self.clock = clock
    }

    public func run(_ spec: TCPCheckSpec, for check: Check) async throws -> ProbeResult {
        let startedAt = clock.now
        let response = try await engine.perform(request(for: spec, timeout: check.timeout))
        let timings = PhaseTimings(
            dns: response.timings.nameLookup, connect: response.timings.connect, total: response.timings.total
        )
        var result = ProbeResult(checkID: check.id, startedAt: startedAt, outcome: .up, reason: "", timings: timings)
        if let error = response.error {
            result.outcome = .down
            result.failure = TransferFailure.classify(error)
            result.reason = TransferFailure.reason(for: error, timeout: check.timeout)
            return result
        }
        result.reason = "connected to \(spec.host):\(spec.port) in \(timings.connect.fixed(decimals: 3)) s"
        return result
    }

    func request(for spec: TCPCheckSpec, timeout: Duration) -> CurlRequest {
        let host = spec.host.contains(":") ? "[\(spec.host)]" : spec.host
        var request = CurlRequest(url: "http://\(host):\(spec.port)/", timeout: timeout)
        request.connectOnly = true
        request.followRedirects = false
        return request
    }
}
