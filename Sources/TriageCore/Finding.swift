import Foundation

/// The kinds of fault that detection raises from a check's results. Each maps to one catalogue case.
public enum FindingKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Consecutive failed probes: the site is down or not visible.
    case down
    /// Load time over the threshold on consecutive probes.
    case slow
    /// Several 5xx responses within the window, even with successes between them.
    case serverErrors = "5xx"
    /// A valid TLS certificate that expires within the check's `warnWithin`. An expired or
    /// untrusted certificate is not this kind: the site is then `down` for visitors.
    case certificateExpiring = "cert-expiring"
    /// A content check found the page defaced: it answers, but not with the customer's page.
    case defaced
    /// Load time over the check's `warnAfter` (but under the RED `slowAfter`) on consecutive probes.
    case slowWarning = "slow-warning"
    /// Consecutive failed probes that all found the server's network or host unreachable (no
    /// route), not the server refusing or failing: the network is down, not the site.
    case networkFailure = "network"
    /// A mail round trip delivered its message, but slower than the check's `warnAfter`.
    case mailSlow = "mail-slow"
    /// A cache check found the edge serving content older than allowed: the cache does not refresh.
    case staleCache = "stale-cache"

    /// The catalogue case an incident of this kind is filed under, unless its finding names
    /// another (a mail check's outage: ``Finding/caseID``).
    public var caseID: CaseID {
        switch self {
        case .down: .siteDown
        case .slow: .slowLoad
        case .serverErrors: .repeated5xx
        case .certificateExpiring: .certificateExpiring
        case .defaced: .defaced
        case .slowWarning: .slowLoadWarning
        case .networkFailure: .networkFailure
        case .mailSlow: .mailDeliverySlow
        case .staleCache: .cacheNotRefreshing
        }
    }

    /// The code of its incident: RED for outages; YELLOW for an expiring certificate, a page
    /// slower than its warning threshold or slow mail, because the service still works and the
    /// fix has hours or days, not minutes.
    public var code: TriageCode {
        switch self {
        case .down, .slow, .serverErrors, .defaced, .networkFailure, .staleCache: .red
        case .certificateExpiring, .slowWarning, .mailSlow: .yellow
        }
    }
}

/// A fault detected on one check, ready to become (or update) an incident.
public struct Finding: Sendable, Hashable {
    public var kind: FindingKind
    public var checkID: String
    public var targetID: String
    public var customer: String
    public var code: TriageCode
    /// The catalogue case its incident is filed under: the kind's, except where the check decides,
    /// such as a mail check's outage (`mail-send-receive`, not `site-down`).
    public var caseID: CaseID
    /// When the fault was confirmed (the time of the result that confirmed it).
    public var detectedAt: Date
    /// One line for the ticket's summary: "acme/www/http down: connection refused".
    public var summary: String
    /// The results that led to it, in words, for the audit trail.
    public var evidence: [String]
    /// Found during a planned maintenance window: its incident is opened planned, and not paged.
    public var planned = false

    /// - Parameters:
    ///   - code: the incident's code; nil takes the kind's (`FindingKind.code`).
    ///   - caseID: the incident's catalogue case; nil takes the kind's (`FindingKind.caseID`).
    public init(
        kind: FindingKind, checkID: String, targetID: String, customer: String, code: TriageCode? = nil,
        caseID: CaseID? = nil, detectedAt: Date, summary: String, evidence: [String]
    ) {
        self.kind = kind
        self.checkID = checkID
        self.targetID = targetID
        self.customer = customer
        self.code = code ?? kind.code
        self.caseID = caseID ?? kind.caseID
        self.detectedAt = detectedAt
        self.summary = summary
        self.evidence = evidence
    }

    /// The key of "one open incident per check and kind of fault".
    public var dedupKey: String { Finding.dedupKey(checkID: checkID, kind: kind) }

    public static func dedupKey(checkID: String, kind: FindingKind) -> String { "\(checkID)#\(kind.rawValue)" }
}
