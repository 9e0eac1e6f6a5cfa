import Foundation

/// When a ticket of one code must be taken in charge: within `deadline` of its opening,
/// and for deferred codes not before `notBefore`.
public struct CodePolicy: Sendable, Equatable {
    /// Calendar time from opening to the take-in-charge deadline.
    public var deadline: Duration
    /// Calendar time from opening before which work should not start (GREEN and WHITE).
    public var notBefore: Duration?

    public init(deadline: Duration, notBefore: Duration? = nil) {
        self.deadline = deadline
        self.notBefore = notBefore
    }
}

/// The take-in-charge rules of every code. Deadlines count calendar time (the policy names no
/// business-hours exception), so they are plain additions to the opening instant.
public struct Policy: Sendable, Equatable {
    public var codes: [TriageCode: CodePolicy]

    public init(codes: [TriageCode: CodePolicy]) {
        self.codes = codes
    }

    /// The published policy: RED 15 minutes, YELLOW 24 hours, GREEN 4 days (not before 48 hours),
    /// WHITE one week (not before 48 hours).
    public static let standard = Policy(codes: [
        .red: CodePolicy(deadline: .seconds(15 * 60)),
        .yellow: CodePolicy(deadline: .seconds(24 * 3600)),
        .green: CodePolicy(deadline: .seconds(4 * 86400), notBefore: .seconds(48 * 3600)),
        .white: CodePolicy(deadline: .seconds(7 * 86400), notBefore: .seconds(48 * 3600)),
    ])

    /// The rules for `code`, falling back to the standard policy for a code left out.
    public func rules(for code: TriageCode) -> CodePolicy {
        codes[code] ?? Policy.standard.codes[code]!
    }

    /// The take-in-charge deadline of a ticket of `code` opened at `openedAt`.
    public func deadline(for code: TriageCode, openedAt: Date) -> Date {
        openedAt.adding(rules(for: code).deadline)
    }

    /// The instant before which a ticket of `code` opened at `openedAt` should not be started, if any.
    public func notBefore(for code: TriageCode, openedAt: Date) -> Date? {
        rules(for: code).notBefore.map { openedAt.adding($0) }
    }
}
