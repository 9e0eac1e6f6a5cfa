import Foundation

/// How the take-in-charge deadlines of the tickets opened in a period were kept, per code, for
/// managers who answer to customers.
///
/// Every ticket opened in `[from, to)` is counted once, under its outcome at `now`: met, breached,
/// moot (an incident that recovered untaken before its deadline) or still pending; none is
/// dropped. Attainment is met / (met + breached): moot and pending tickets have no verdict yet.
/// Time to take in charge runs from opening to taking; time to resolve from opening to the end.
public struct DeadlineReport: Sendable, Hashable, Encodable {
    public struct Row: Sendable, Hashable, Encodable {
        public var code: TriageCode
        public var tickets: Int
        public var met: Int
        public var breached: Int
        public var moot: Int
        public var pending: Int
        /// GREEN and WHITE tickets taken before their not-before time, with an override.
        public var takenEarly: Int
        /// met / (met + breached); nil when no ticket of the code has a verdict.
        public var attainment: Double?
        public var timeToTake: TimeStats?
        public var timeToResolve: TimeStats?
    }

    public var from: Date
    public var to: Date
    /// One row per code, RED first, including codes without tickets.
    public var rows: [Row]

    /// - Parameter tickets: any tickets; those opened outside `[from, to)` are left out.
    public init(tickets: [Ticket], from: Date, to: Date, now: Date) {
        self.from = from
        self.to = to
        let inPeriod = tickets.filter { from <= $0.openedAt && $0.openedAt < to }
        rows = TriageCode.allCases.map { code in
            let ofCode = inPeriod.filter { $0.code == code }
            let outcomes = ofCode.map { $0.outcome(at: now) }
            let met = outcomes.filter { $0 == .met }.count
            let breached = outcomes.filter { $0 == .breached }.count
            return Row(
                code: code, tickets: ofCode.count, met: met, breached: breached,
                moot: outcomes.filter { $0 == .moot }.count, pending: outcomes.filter { $0 == .pending }.count,
                takenEarly: ofCode.filter(\.takenEarly).count,
                attainment: met + breached == 0 ? nil : Double(met) / Double(met + breached),
                timeToTake: TimeStats(ofCode.compactMap { ticket in ticket.takenAt.map { $0.timeIntervalSince(ticket.openedAt) } }),
                timeToResolve: TimeStats(ofCode.compactMap { ticket in ticket.resolvedAt.map { $0.timeIntervalSince(ticket.openedAt) } })
            )
        }
    }
}
