import Foundation
import TriageCore

/// How an alert's labels become a ticket's fields, the same for every sending tool:
///
/// - **code**: `triage_code` (RED, YELLOW, GREEN, WHITE) when given; else the severity, where
///   `critical`, `emergency`, `page` and `high` are RED and anything else YELLOW: an outside alert
///   pages at once only when its sender says it is critical;
/// - **customer**: `customer`, else the receiver's default customer;
/// - **site**: `site`, as `customer/site` or just `site` (the customer's);
/// - **case**: `triage_case`, a catalogue case id, when given.
struct InboundMapping {
    let defaultCustomer: String

    func code(labels: [String: String], severity: String?) -> TriageCode {
        if let written = labels["triage_code"].flatMap({ TriageCode(rawValue: $0.uppercased()) }) { return written }
        return ["critical", "emergency", "page", "high"].contains(severity?.lowercased() ?? "") ? .red : .yellow
    }

    func customer(labels: [String: String]) -> String {
        labels["customer"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultCustomer
    }

    func targetID(labels: [String: String], customer: String) -> String? {
        guard let site = labels["site"], !site.isEmpty else { return nil }
        return site.contains("/") ? site : "\(customer)/\(site)"
    }

    func caseID(labels: [String: String]) -> CaseID? {
        labels["triage_case"].flatMap { $0.isEmpty ? nil : CaseID(rawValue: $0) }
    }
}

/// Instants as monitoring tools write them (RFC 3339, with or without a fraction of any length).
enum RFC3339 {
    static func parse(_ text: String) -> Date? {
        let withoutFraction = text.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)
        return ISO8601DateFormatter().date(from: withoutFraction)
    }
}
