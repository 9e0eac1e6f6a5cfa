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
