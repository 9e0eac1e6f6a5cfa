import Foundation

/// A ticket's place in its life: open → taken → resolved (WHITE may also end refused or referred).
public enum TicketStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case open
    case taken
    case resolved
    case refused
    case referred

    /// Whether the ticket still waits for work (open or in charge).
    public var isActive: Bool { self == .open || self == .taken }
}

/// Where a ticket came from.
public enum TicketSource: String, Sendable, Codable, Hashable {
    /// Raised by Triage's own probes.
    case probe
    /// Filed by a person.
    case manual
    /// Received from another tool (Alertmanager, PagerDuty).
    case inbound
}

/// Who caused the problem, recorded when a ticket is resolved.
public enum Cause: String, Sendable, Codable, Hashable {
    case provider
    case customer
    case thirdParty = "third-party"
}

/// Whether the take-in-charge deadline was kept.
public enum DeadlineOutcome: String, Sendable, Codable, Hashable {
    /// Not taken yet, deadline still ahead.
    case pending
    /// Taken in charge at or before the deadline.
    case met
    /// The deadline passed before anyone took it in charge.
    case breached
    /// An automatic incident that recovered by itself before its deadline, untaken.
    case moot
}

/// A ticket of the shared store: an automatic incident or a request filed by a person.
public struct Ticket: Sendable, Hashable {
    public var id: Int64
    public var code: TriageCode
    public var status: TicketStatus
    public var source: TicketSource
    public var customer: String
    public var targetID: String?
    public var checkID: String?
    public var caseID: CaseID?
    public var summary: String
    public var openedAt: Date
    public var notBefore: Date?
    public var deadline: Date
    public var takenAt: Date?
    public var takenBy: String?
    public var resolvedAt: Date?
    public var resolution: String?
    public var cause: Cause?
    public var fee: Money?
    /// The customer-fault surcharge chosen at resolution (cases marked ✱ in the policy).
    public var surcharge: Money?
    /// Taken in charge before its not-before time, with an override.
    public var takenEarly: Bool
    /// The partner a WHITE ticket was referred to.
    public var referredTo: String?
    /// When the daemon recorded that the take-in-charge deadline passed untaken.
    public var breachRecordedAt: Date?
    /// For automatic incidents: `checkID#kind`, unique among active tickets.
    public var dedupKey: String?
    /// Opened during a planned maintenance window: on record, but nobody is paged for it.
    public var planned: Bool

    public init(
        id: Int64, code: TriageCode, status: TicketStatus, source: TicketSource, customer: String,
        targetID: String? = nil, checkID: String? = nil, caseID: CaseID? = nil, summary: String,
        openedAt: Date, notBefore: Date? = nil, deadline: Date, takenAt: Date? = nil, takenBy: String? = nil,
        resolvedAt: Date? = nil, resolution: String? = nil, cause: Cause? = nil, fee: Money? = nil,
        surcharge: Money? = nil, takenEarly: Bool = false, referredTo: String? = nil, breachRecordedAt: Date? = nil,
        dedupKey: String? = nil, planned: Bool = false
    ) {
        self.id = id
        self.code = code
        self.status = status
        self.source = source
        self.customer = customer
        self.targetID = targetID
        self.checkID = checkID
        self.caseID = caseID
        self.summary = summary
        self.openedAt = openedAt
        self.notBefore = notBefore
        self.deadline = deadline
        self.takenAt = takenAt
        self.takenBy = takenBy
        self.resolvedAt = resolvedAt
        self.resolution = resolution
        self.cause = cause
        self.fee = fee
        self.surcharge = surcharge
        self.takenEarly = takenEarly
        self.referredTo = referredTo
        self.breachRecordedAt = breachRecordedAt
        self.dedupKey = dedupKey
        self.planned = planned
    }

    /// The take-in-charge outcome as of `now`.
    public func outcome(at now: Date) -> DeadlineOutcome {
        if let takenAt { return takenAt <= deadline ? .met : .breached }
        let end = status.isActive ? now : (resolvedAt ?? now)
        if end > deadline { return .breached }
        return status.isActive ? .pending : .moot
    }
}
