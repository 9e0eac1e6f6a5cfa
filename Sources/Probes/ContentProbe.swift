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
/// attack rather than only its effect. With a ``ContentBaseline``, a page whose stable text
/// changed more than `maxChange` since the baseline (or lost the baseline's region markers) is
/// defaced too, and an accepted page's reason says how much changed. Otherwise the http verdict
/// stands (`up`, or `degraded` when slow).
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
        } else if let baseline = spec.baseline {
            compare(response.body, with: baseline, status: status, into: &result)
        }
        return result
    }

    /// Judges the page's stable text against `baseline`, keeping the http verdict when it is close enough.
    private func compare(_ body: [UInt8], with baseline: ContentBaseline, status: Int, into result: inout ProbeResult) {
        guard let text = PageText(body, from: baseline.from, to: baseline.to) else {
            let missing = PageText(body, from: baseline.from, to: nil) == nil ? baseline.from : baseline.to
            result.outcome = .down
            result.failure = .defaced
            result.reason = "HTTP \(status) but the page lacks the baseline's region marker \"\(missing ?? "")\""
            return
        }
        let change = PageFingerprint(words: text).change(since: baseline.fingerprint)
        let comparison = "\(Share.format(change)) of its text changed since the baseline (allowed \(Share.format(baseline.maxChange)))"
        guard change <= baseline.maxChange else {
            result.outcome = .down
            result.failure = .defaced
            result.reason = "HTTP \(status) but \(comparison)"
            return
        }
        result.reason += "; \(comparison)"
    }
}
