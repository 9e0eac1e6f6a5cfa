import CurlEngine
import Foundation
import TriageCore

/// Judges a completed HTTP response against its check: status, then content, then speed.
struct HTTPResponseVerdict {
    var outcome: ProbeOutcome
    var failure: FailureClass?
    var reason: String

    init(spec: HTTPCheckSpec, response: CurlResponse, slowAfter: Duration) {
        let status = response.statusCode
        let took = "\(response.timings.total.fixed(decimals: 3)) s"
        if !spec.accepts(status: status) {
            outcome = .down
            failure = (500..<600).contains(status) ? .serverError : .unexpectedStatus
            reason = "HTTP \(status), expected \(Self.expectation(spec))"
            return
        }
        if let missing = spec.mustContain.first(where: { !response.body.contains(utf8: $0) }) {
            outcome = .down
            failure = .contentMismatch
            reason = "HTTP \(status) but the page does not contain \"\(missing)\"" + Self.truncationNote(response)
            return
        }
        if let forbidden = spec.mustNotContain.first(where: { response.body.contains(utf8: $0) }) {
            outcome = .down
            failure = .contentMismatch
            reason = "HTTP \(status) but the page contains \"\(forbidden)\""
            return
        }
        if response.timings.total > slowAfter.inSeconds {
            outcome = .degraded
            failure = nil
            reason = "HTTP \(status) in \(took), slower than \(slowAfter.inWords)"
            return
        }
        outcome = .up
        failure = nil
        reason = "HTTP \(status) in \(took)"
    }

    static func expectation(_ spec: HTTPCheckSpec) -> String {
        spec.expectedStatus.isEmpty ? "2xx or 3xx" : spec.expectedStatus.sorted().map(String.init).joined(separator: ", ")
    }

    static func truncationNote(_ response: CurlResponse) -> String {
        response.bodyTruncated ? " (in its first \(response.body.count) bytes)" : ""
    }
}
