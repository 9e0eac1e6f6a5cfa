import Foundation
import TriageCore

/// A slice of the work queue (see `WorkQueue`): the open tickets whose window has opened at `now`,
/// most urgent first, filtered by code and customer. The store orders and cuts it, so a page of
/// the dashboard or the API costs the page, not the 10,000 open tickets behind it.
public struct WorkQueueQuery: Sendable, Hashable {
    /// Only these codes; empty means any.
    public var codes: Set<TriageCode>
    public var customer: String?
    /// The instant whose queue this is: GREEN and WHITE tickets count from their not-before time.
    public var now: Date
    public var limit: Int
    public var offset: Int

    public init(codes: Set<TriageCode> = [], customer: String? = nil, now: Date, limit: Int, offset: Int = 0) {
        self.codes = codes
        self.customer = customer
        self.now = now
        self.limit = limit
        self.offset = offset
    }

    /// The SQL expression giving a ticket's place by code, from `TriageCode.urgency`, so the
    /// stores sort as `WorkQueue.order` does without a second list of codes to keep in step.
    public static let urgencySQL =
        "CASE code " + TriageCode.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.urgency) " }.joined() + "END"
}

/// One page of the work queue and the length of the whole queue under the same filters.
public struct WorkQueuePage: Sendable, Hashable {
    public var tickets: [Ticket]
    public var total: Int

    public init(tickets: [Ticket], total: Int) {
        self.tickets = tickets
        self.total = total
    }
}
