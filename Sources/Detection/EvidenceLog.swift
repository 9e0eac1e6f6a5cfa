import Foundation
import TriageCore

/// The last few results behind a finding, in words, for the incident's audit trail.
/// Bounded so a long outage never grows memory.
struct EvidenceLog: Sendable {
    static let capacity = 5
    private(set) var lines: [String] = []

    mutating func append(_ result: ProbeResult) {
        if lines.count == Self.capacity { lines.removeFirst() }
        lines.append(Self.line(for: result))
    }

    /// `2026-11-26T17:00:03Z HTTP 502 (0.004 s)`: when, what, and how long it took.
    static func line(for result: ProbeResult) -> String {
        let time = result.startedAt.formatted(.iso8601)
        return "\(time) \(result.reason) (\(result.timings.total.fixed(decimals: 3)) s)"
    }
}
