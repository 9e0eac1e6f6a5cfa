import Foundation

/// What an automatic incident is opened (or updated, or reopened) from, whoever noticed the fault:
/// Triage's own detection (a ``Finding``) or another monitoring tool (an inbound alert). The store
/// keeps one active incident per `dedupKey` whatever the source.
public struct IncidentReport: Sendable, Hashable {
    /// `.probe` for Triage's findings, `.inbound` for another tool's alerts.
    public var source: TicketSource
    public var code: TriageCode
    public var caseID: CaseID?
    public var customer: String
    public var targetID: String?
    public var checkID: String?
    /// One line for the ticket's summary.
    public var summary: String
    /// When the fault was confirmed.
    public var detectedAt: Date
    /// The key of "one active incident per fault".
    public var dedupKey: String
    /// What shows the fault, for the audit trail.
    public var evidence: [String]
    /// Reported during a planned maintenance window: opened planned, and not paged.
    public var planned: Bool

    public init(
        source: TicketSource, code: TriageCode, caseID: CaseID?, customer: String, targetID: String?, checkID: String?,
        summary: String, detectedAt: Date, dedupKey: String, evidence: [String], planned: Bool = false
    ) {
        self.source = source
        self.code = code
        self.caseID = caseID
        self.customer = customer
        self.targetID = targetID
        self.checkID = checkID
        self.summary = summary
        self.detectedAt = detectedAt
        self.dedupKey = dedupKey
        self.evidence = evidence
        self.planned = planned
    }
}

extension Finding {
    /// The incident this finding opens or updates.
    public var report: IncidentReport {
        IncidentReport(
            source: .probe, code: code, caseID: caseID, customer: customer, targetID: targetID, checkID: checkID,
            summary: summary, detectedAt: detectedAt, dedupKey: dedupKey, evidence: evidence, planned: planned
        )
    }
}
