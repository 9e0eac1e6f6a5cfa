import Foundation

/// What the tickets resolved in a period bill, per customer and case, as exact decimal sums.
///
/// A ticket counts in the period it was resolved in (when the work was done and its fee fixed).
/// Its fee and its customer-fault surcharge are summed apart; amounts in different currencies
/// are never added together. A resolved ticket whose case is billed on quote, per contract or
/// is unlisted, and which has no fee recorded, is listed as such rather than counted as free.
public struct FeeReport: Sendable, Hashable, Encodable {
    public struct Line: Sendable, Hashable, Encodable {
        public var customer: String
        /// The catalogue case; nil for tickets filed without one.
        public var caseID: CaseID?
        public var currency: String
        public var tickets: Int
        public var fees: Money
        public var surcharges: Money
        public var total: Money
    }

    /// A resolved ticket whose fee is still to be agreed.
    public struct OpenItem: Sendable, Hashable, Encodable {
        public var ticketID: Int64
        public var customer: String
        public var caseID: CaseID?
        /// "on quote", "per contract", "unlisted".
        public var basis: String
    }

    public var from: Date
    public var to: Date
    /// Sorted by customer, then case id.
    public var lines: [Line]
    public var openItems: [OpenItem]

    public init(tickets: [Ticket], catalogue: Catalogue, from: Date, to: Date) {
        self.from = from
        self.to = to
        let resolved = tickets.filter { ticket in
            ticket.status == .resolved && ticket.resolvedAt.map { from <= $0 && $0 < to } == true
        }
        var sums: [LineKey: (tickets: Int, fees: Int64, surcharges: Int64)] = [:]
        var openItems: [OpenItem] = []
        for ticket in resolved {
            if ticket.fee == nil, ticket.surcharge == nil {
                if let basis = ticket.caseID.flatMap({ catalogue[$0]?.fee }).flatMap(Self.unpricedBasis) {
                    openItems.append(OpenItem(ticketID: ticket.id, customer: ticket.customer, caseID: ticket.caseID, basis: basis))
                }
                continue
            }
            for (currency, fee, surcharge) in Self.amounts(of: ticket) {
                let key = LineKey(customer: ticket.customer, caseID: ticket.caseID?.rawValue ?? "", currency: currency)
                let sum = sums[key, default: (0, 0, 0)]
                sums[key] = (sum.tickets + 1, sum.fees + fee, sum.surcharges + surcharge)
            }
        }
        lines = sums.sorted { $0.key < $1.key }.map { key, sum in
            Line(
                customer: key.customer, caseID: key.caseID.isEmpty ? nil : CaseID(rawValue: key.caseID), currency: key.currency,
                tickets: sum.tickets, fees: Money(minorUnits: sum.fees, currency: key.currency),
                surcharges: Money(minorUnits: sum.surcharges, currency: key.currency),
                total: Money(minorUnits: sum.fees + sum.surcharges, currency: key.currency)
            )
        }
        self.openItems = openItems.sorted { $0.ticketID < $1.ticketID }
    }

    /// The ticket's fee and surcharge in minor units, per currency (one entry unless they differ).
    private static func amounts(of ticket: Ticket) -> [(String, Int64, Int64)] {
        switch (ticket.fee, ticket.surcharge) {
        case (let fee?, let surcharge?) where fee.currency == surcharge.currency:
            [(fee.currency, fee.minorUnits, surcharge.minorUnits)]
        case (let fee?, let surcharge?):
            [(fee.currency, fee.minorUnits, 0), (surcharge.currency, 0, surcharge.minorUnits)]
        case (let fee?, nil): [(fee.currency, fee.minorUnits, 0)]
        case (nil, let surcharge?): [(surcharge.currency, 0, surcharge.minorUnits)]
        case (nil, nil): []
        }
    }

    /// How a case without a recorded fee is billed, when it is not simply free.
    private static func unpricedBasis(_ fee: Fee) -> String? {
        switch fee {
        case .onQuote, .fixedOrQuote: "on quote"
        case .perContract, .fixedOrContract: "per contract"
        case .unlisted: "unlisted"
        default: nil
        }
    }

    private struct LineKey: Hashable, Comparable {
        var customer: String
        var caseID: String
        var currency: String

        static func < (lhs: LineKey, rhs: LineKey) -> Bool {
            (lhs.customer, lhs.caseID, lhs.currency) < (rhs.customer, rhs.caseID, rhs.currency)
        }
    }
}
