import Foundation
import TriageCore

/// The policy's cool-down for reopening, as the daemon passes it.
let cooldown: Duration = .seconds(30 * 60)

/// Every customer on the published policy.
let standardPlans = SupportPlans()

/// A RED outage finding on acme's site, confirmed at `detectedAt`.
func outage(at detectedAt: Date, checkID: String = "acme/www/http") -> Finding {
    Finding(
        kind: .down, checkID: checkID, targetID: "acme/www", customer: "acme", detectedAt: detectedAt,
        summary: "\(checkID) down: connection refused", evidence: ["connection refused"]
    )
}

/// A successful probe of `checkID` at `startedAt`, with every column filled.
func probeResult(_ checkID: String, at startedAt: Date) -> ProbeResult {
    ProbeResult(
        checkID: checkID, startedAt: startedAt, outcome: .up, reason: "HTTP 200 OK", statusCode: 200,
        timings: PhaseTimings(dns: 0.001, connect: 0.002, tls: 0.01, firstByte: 0.05, total: 0.08), bytesRead: 2048
    )
}
