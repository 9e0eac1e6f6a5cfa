import Foundation
import TriageCore

/// Alertmanager's webhook payload (version 4): each alert of the group is one signal, keyed by
/// its fingerprint, so Alertmanager's repeats update the same incident and its "resolved" ends it.
public struct AlertmanagerWebhook: Decodable, Sendable {
    public struct Alert: Decodable, Sendable {
        public var status: String
        public var labels: [String: String]
        public var annotations: [String: String]?
        public var startsAt: String?
        public var endsAt: String?
        public var fingerprint: String?
    }

    public var version: String
    public var alerts: [Alert]

    /// The signals of every alert; `now` stands in for a missing or unreadable time.
    func signals(mapping: InboundMapping, now: Date) -> [InboundSignal] {
        alerts.map { alert in
            let key = "alertmanager:" + (alert.fingerprint ?? Self.fingerprint(of: alert.labels))
            let name = alert.labels["alertname"] ?? "alert"
            let text = alert.annotations?["summary"] ?? alert.annotations?["description"] ?? ""
            if alert.status == "resolved" {
                let endedAt = alert.endsAt.flatMap(RFC3339.parse) ?? now
                return .resolve(dedupKey: key, at: endedAt, detail: "Alertmanager: \(name) resolved")
            }
            let customer = mapping.customer(labels: alert.labels)
            let summary = "alertmanager \(name)" + (text.isEmpty ? "" : ": \(text)")
            return .raise(IncidentReport(
                source: .inbound, code: mapping.code(labels: alert.labels, severity: alert.labels["severity"]),
                caseID: mapping.caseID(labels: alert.labels), customer: customer,
                targetID: mapping.targetID(labels: alert.labels, customer: customer), checkID: nil, summary: summary,
                detectedAt: alert.startsAt.flatMap(RFC3339.parse) ?? now, dedupKey: key,
                evidence: ["Alertmanager firing: " + alert.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
            ))
        }
    }

    /// A stable key for an alert sent without a fingerprint: its sorted labels.
    static func fingerprint(of labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
