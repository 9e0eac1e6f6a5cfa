import Foundation

/// An outage one node saw that waits for other locations to confirm it (see ``LocationConfirmation``),
/// with every location's verdict so far: the incident it becomes lists them all.
public struct Suspicion: Sendable, Hashable {
    /// How a suspicion ended.
    public enum Outcome: String, Sendable, Hashable {
        /// Enough locations saw the failure: its incident was raised.
        case confirmed
        /// The window ended, or too many locations saw the check fine: nothing was raised.
        case notConfirmed = "not-confirmed"
    }

    public var id: Int64
    public var checkID: String
    public var kind: FindingKind
    /// Locations required (the check's `confirm.locations`).
    public var required: Int
    /// The node that suspected it, and its location.
    public var openedBy: String
    public var openedIn: String
    public var openedAt: Date
    /// The end of the window: other locations re-probe it until then.
    public var expiresAt: Date
    public var outcome: Outcome?
    public var closedAt: Date?
    /// One per node that probed it, the opener's first.
    public var verdicts: [LocationVerdict]

    public init(
        id: Int64, checkID: String, kind: FindingKind, required: Int, openedBy: String, openedIn: String, openedAt: Date,
        expiresAt: Date, outcome: Outcome? = nil, closedAt: Date? = nil, verdicts: [LocationVerdict]
    ) {
        self.id = id
        self.checkID = checkID
        self.kind = kind
        self.required = required
        self.openedBy = openedBy
        self.openedIn = openedIn
        self.openedAt = openedAt
        self.expiresAt = expiresAt
        self.outcome = outcome
        self.closedAt = closedAt
        self.verdicts = verdicts
    }

    /// The dedup key of the incident it would raise.
    public var dedupKey: String { Finding.dedupKey(checkID: checkID, kind: kind) }
}

/// What one node in one location saw when it probed a suspected check.
public struct LocationVerdict: Sendable, Hashable {
    public var node: String
    public var location: String
    /// Whether the probe failed (its outcome was down).
    public var failed: Bool
    /// The probe's reason in words ("HTTP 503", "connection refused", "ok").
    public var reason: String
    public var at: Date

    public init(node: String, location: String, failed: Bool, reason: String, at: Date) {
        self.node = node
        self.location = location
        self.failed = failed
        self.reason = reason
        self.at = at
    }

    /// The evidence line of an incident: "location paris: failed (node par-1: HTTP 503)".
    public var evidence: String {
        "location \(location): \(failed ? "failed" : "ok") (node \(node): \(reason))"
    }
}
