import Foundation

/// Which stretches of a check's down time each incident covers, so down time can be put down to
/// the cause its incident records.
///
/// An incident covers its check from its opening to its resolution (or the report's end), cut to
/// the period; where two incidents of one check overlap (a site-down and a slow-load), the
/// earlier one keeps the overlap, so no second is counted twice.
public enum IncidentDowntime {
    /// Down time that no incident covered.
    public static let noIncident = "no-incident"
    /// Incidents resolved without a recorded cause (or not resolved yet).
    public static let unrecorded = "unrecorded"

    /// One incident's stretch of its check.
    public struct Span: Sendable, Hashable {
        public var ticketID: Int64
        public var checkID: String
        public var from: Date
        public var to: Date
        public var cause: String
    }

    /// The down seconds of one span, once measured.
    public struct Share: Sendable, Hashable {
        public var ticketID: Int64
        public var cause: String
        public var seconds: Double

        public init(ticketID: Int64, cause: String, seconds: Double) {
            self.ticketID = ticketID
            self.cause = cause
            self.seconds = seconds
        }
    }

    /// The spans of `tickets` (incidents with a check) inside `[from, to)`, at `now`, without overlaps per check.
    public static func spans(of tickets: [Ticket], from: Date, to: Date, now: Date) -> [Span] {
        let end = min(to, now)
        let incidents = tickets.filter { $0.checkID != nil }.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
        var coveredUntil: [String: Date] = [:]
        var spans: [Span] = []
        for ticket in incidents {
            let checkID = ticket.checkID!
            let start = max(ticket.openedAt, from, coveredUntil[checkID] ?? .distantPast)
            let stop = min(ticket.resolvedAt ?? end, end)
            guard start < stop else { continue }
            coveredUntil[checkID] = stop
            spans.append(Span(ticketID: ticket.id, checkID: checkID, from: start, to: stop, cause: ticket.cause?.rawValue ?? unrecorded))
        }
        return spans
    }
}
