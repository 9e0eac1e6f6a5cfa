import Foundation
import TriageCore

/// `triage check` output: one line per check with its outcome, reason and phase timings (ms).
public struct ResultTable: Renderer {
    public init() {}

    public func render(_ results: [ProbeResult]) -> String {
        let rows = results.map { result -> [String] in
            let timings = result.timings
            return [
                result.outcome.rawValue.uppercased(), result.checkID,
                Self.ms(timings.dns), Self.ms(timings.connect), Self.ms(timings.tls), Self.ms(timings.firstByte),
                Self.ms(timings.total), result.reason,
            ]
        }
        return TextTable.render(header: ["STATE", "CHECK", "DNS", "CONNECT", "TLS", "FIRST BYTE", "TOTAL", "REASON"], rows: rows)
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1fms", seconds * 1000) }
}

/// A probe result as JSON for `triage check --format json`.
public struct ResultJSON: Encodable, Sendable {
    public var check: String
    public var startedAt: Date
    public var outcome: ProbeOutcome
    public var failure: FailureClass?
    public var reason: String
    public var statusCode: Int?
    public var timings: PhaseTimings
    public var bytesRead: Int

    public init(_ result: ProbeResult) {
        check = result.checkID
        startedAt = result.startedAt
        outcome = result.outcome
        failure = result.failure
        reason = result.reason
        statusCode = result.statusCode
        timings = result.timings
        bytesRead = result.bytesRead
    }

    enum CodingKeys: String, CodingKey { case check, startedAt, outcome, failure, reason, statusCode, timings, bytesRead }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check, forKey: .check)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(failure, forKey: .failure)
        try container.encode(reason, forKey: .reason)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encode(timings, forKey: .timings)
        try container.encode(bytesRead, forKey: .bytesRead)
    }
}
