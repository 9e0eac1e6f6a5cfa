import CurlEngine
import Foundation
import TriageCore

/// HTTP(S) availability, content and load time, as a visitor meets them: a fresh connection,
/// redirects followed up to the check's limit, the body read up to its cap.
///
/// Outcomes: `down` when the site cannot be reached, answers an unexpected status, or shows the
/// wrong content (a 200 with an error page is "not visible"); `degraded` when it answers correctly
/// but slower than the check's `slowAfter`; `up` otherwise.
public struct HTTPProbe: Probe {
    let engine: CurlEngine
    let clock: any TriageClock

    public init(engine: CurlEngine, clock: any TriageClock) {
        self.engine = engine
        self.clock = clock
    }

    public func run(_ spec: HTTPCheckSpec, for check: Check) async throws -> ProbeResult {
        try await fetch(spec, for: check).result
    }

    /// Fetches the page and judges it as the http kind does, returning the response as well, so
    /// a probe that judges more of the page (content) shares this classification instead of
    /// copying it.
    func fetch(_ spec: HTTPCheckSpec, for check: Check) async throws -> (result: ProbeResult, response: CurlResponse) {
        let startedAt = clock.now
        let response = try await engine.perform(request(for: spec, timeout: check.timeout))
        var result = ProbeResult(
            checkID: check.id, startedAt: startedAt, outcome: .up, reason: "",
            statusCode: response.statusCode == 0 ? nil : response.statusCode,
            timings: PhaseTimings(response.timings), bytesRead: response.body.count
        )
        if let error = response.error {
            result.outcome = .down
            result.failure = TransferFailure.classify(error)
            result.reason = TransferFailure.reason(for: error, timeout: check.timeout)
            return (result, response)
        }
        let verdict = HTTPResponseVerdict(spec: spec, response: response, slowAfter: check.detection.slowAfter)
        result.outcome = verdict.outcome
        result.failure = verdict.failure
        result.reason = verdict.reason
        return (result, response)
    }

    func request(for spec: HTTPCheckSpec, timeout: Duration) -> CurlRequest {
        var request = CurlRequest(url: spec.url.absoluteString, timeout: timeout)
        request.method = spec.method
        request.headers = spec.headers.sorted { $0.key < $1.key }.map { CurlHeader(name: $0.key, value: $0.value) }
        request.maxBodyBytes = spec.maxBodyBytes
        request.followRedirects = spec.maxRedirects > 0
        request.maxRedirects = spec.maxRedirects
        request.verifyTLS = spec.verifyTLS
        request.caFile = spec.caFile
        return request
    }
}

extension PhaseTimings {
    init(_ timings: CurlTimings) {
        self.init(
            dns: timings.nameLookup, connect: timings.connect, tls: timings.appConnect,
            firstByte: timings.startTransfer, total: timings.total
        )
    }
}
