import Foundation
import TriageCore

/// A PagerDuty Events API v2 event, for tools that can send to PagerDuty: `trigger` raises the
/// incident of its `dedup_key`, `resolve` ends it, `acknowledge` is accepted and changes nothing
/// (taking in charge is a person's act in Triage, recorded with their name).
public struct PagerDutyEvent: Decodable, Sendable {
    public struct Payload: Decodable, Sendable {
        public var summary: String
        public var source: String
        public var severity: String
        public var timestamp: String?
        public var component: String?
        public var group: String?
        public var `class`: String?
        public var custom_details: [String: String]?
    }

    public var routing_key: String
    public var event_action: String
    public var dedup_key: String?
    public var payload: Payload?

    /// The dedup key the answer names: the sender's, or one made from the summary and source.
    func key() -> String {
        dedup_key ?? payload.map { "\($0.source)|\($0.summary)" } ?? "event"
    }

    /// The signal, or nil when the event cannot be acted on (an unknown action, a trigger without payload).
    func signal(mapping: InboundMapping, now: Date) -> InboundSignal? {
        let key = "pagerduty:" + key()
        switch event_action {
        case "trigger":
            guard let payload else { return nil }
            let labels = payload.custom_details ?? [:]
            let customer = mapping.customer(labels: labels)
            return .raise(IncidentReport(
                source: .inbound, code: mapping.code(labels: labels, severity: payload.severity),
                caseID: mapping.caseID(labels: labels), customer: customer,
                targetID: mapping.targetID(labels: labels, customer: customer), checkID: nil,
                summary: "pagerduty \(payload.source): \(payload.summary)",
                detectedAt: payload.timestamp.flatMap(RFC3339.parse) ?? now, dedupKey: key,
                evidence: ["PagerDuty trigger from \(payload.source) (\(payload.severity))"]
            ))
        case "resolve":
            return .resolve(dedupKey: key, at: now, detail: "PagerDuty event: resolved")
        case "acknowledge":
            return .ignore
        default:
            return nil
        }
    }
}
