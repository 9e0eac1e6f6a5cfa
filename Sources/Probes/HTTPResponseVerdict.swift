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

extension Array where Element == UInt8 {
    /// Whether the bytes contain `text` encoded as UTF-8: a byte search, so a page in any
    /// encoding compatible with ASCII markers is searched without decoding it.
    func contains(utf8 text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= count else { return false }
        let lastStart = count - needle.count
        var start = startIndex
        while start <= lastStart, let candidate = self[start...lastStart].firstIndex(of: first) {
            if self[candidate..<(candidate + needle.count)].elementsEqual(needle) { return true }
            start = candidate + 1
        }
        return false
    }
}
