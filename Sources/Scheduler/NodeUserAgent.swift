import Foundation
import TriageCore

/// Runs checks as one named node: HTTP checks say which node and location probe them in their
/// `User-Agent` (`Triage/1 (node par-1; location paris)`), unless the check sets its own.
///
/// Site owners see in their logs who probes them and from where; an outage seen from one
/// location only (a firewall or geo rule that blocks it) can be told apart in their logs as in
/// Triage's suspicions.
///
/// ```swift
/// let runner = NodeUserAgent(runner: ProbeRegistry(...), node: node)
/// ```
public struct NodeUserAgent: CheckRunner {
    public let runner: any CheckRunner
    public let userAgent: String

    public init(runner: any CheckRunner, node: ProbeNode) {
        self.runner = runner
        userAgent = "Triage/1 (node \(node.name); location \(node.location))"
    }

    public func run(_ check: Check) async throws -> ProbeResult {
        guard case .http(var spec) = check.spec,
              !spec.headers.keys.contains(where: { $0.caseInsensitiveCompare("User-Agent") == .orderedSame })
        else { return try await runner.run(check) }
        spec.headers["User-Agent"] = userAgent
        var identified = check
        identified.spec = .http(spec)
        return try await runner.run(identified)
    }
}
