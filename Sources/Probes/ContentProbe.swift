import CurlEngine
import Foundation
import TriageCore

/// Content integrity: the page answers with the customer's own content, not a defacement.
///
/// The page is fetched and judged by ``HTTPProbe`` first, so an unreachable site or an error
/// status is `down` with the same failure class and reason as an http check. A page that passes
/// is then searched, ignoring ASCII case: a forbidden pattern (a defacer's signature) or a
/// missing required marker makes it `down` with `FailureClass.defaced`, which detection raises
/// at once as the RED defaced case. Forbidden patterns are searched first, since they name the
/// attack rather than only its effect. Otherwise the http verdict stands (`up`, or `degraded`
/// when slow).
public struct ContentProbe: Probe {
    let http: HTTPProbe

    public init(engine: CurlEngine, clock: any TriageClock) {
        http = HTTPProbe(engine: engine, clock: clock)
    }

    public func run(_ spec: ContentCheckSpec, for check: Check) async throws -> ProbeResult {
        let (judged, response) = try await http.fetch(spec.page, for: check)
        guard judged.outcome != .down else { return judged }
        var result = judged
        let status = response.statusCode
        if let pattern = spec.forbids.first(where: { response.body.contains(ignoringCase: $0) }) {
            result.outcome = .down
            result.failure = .defaced
            result.reason = "HTTP \(status) but the page contains the forbidden pattern \"\(pattern)\""
        } else if let marker = spec.requires.first(where: { !response.body.contains(ignoringCase: $0) }) {
            result.outcome = .down
            result.failure = .defaced
            result.reason = "HTTP \(status) but the page lacks the required marker \"\(marker)\""
                + HTTPResponseVerdict.truncationNote(response)
        }
        return result
    }
}
