import Foundation

/// Everything `triage report` tells a manager about one period, each part optional so one
/// renderer serves the full report and each single report alike.
public struct ManagerReport: Sendable, Hashable, Encodable {
    public var from: Date
    public var to: Date
    public var generatedAt: Date
    /// The customer the report is narrowed to, if any.
    public var customer: String?
    public var uptime: UptimeReport?
    public var responseTimes: ResponseTimeReport?
    public var tickets: TicketCountReport?
    public var deadlines: DeadlineReport?
    public var fees: FeeReport?

    public init(
        from: Date, to: Date, generatedAt: Date, customer: String? = nil, uptime: UptimeReport? = nil,
        responseTimes: ResponseTimeReport? = nil, tickets: TicketCountReport? = nil, deadlines: DeadlineReport? = nil,
        fees: FeeReport? = nil
    ) {
        self.from = from
        self.to = to
        self.generatedAt = generatedAt
        self.customer = customer
        self.uptime = uptime
        self.responseTimes = responseTimes
        self.tickets = tickets
        self.deadlines = deadlines
        self.fees = fees
    }
}
