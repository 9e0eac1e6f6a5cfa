/// What a resolved ticket bills: the case's fee (with the operator's choice where the policy
/// leaves one) and the customer-fault surcharge, each checked against the catalogue.
enum FeeRules {
    static func fee(for entry: CatalogueCase?, chosen: Money?, ticket: Int64) throws(TicketActionError) -> Money? {
        guard let entry else { return chosen }
        switch entry.fee {
        case .free:
            guard chosen == nil || chosen?.minorUnits == 0 else { throw .feeNotChosen(ticket: ticket, hint: "the case is free; leave --fee out") }
            return Money(minorUnits: 0)
        case .fixed(let amount):
            guard chosen == nil || chosen == amount else { throw .feeNotChosen(ticket: ticket, hint: "it is \(amount); leave --fee out") }
            return amount
        case .range(let min, let max):
            guard let chosen else { throw .feeRequired(ticket: ticket, caseID: entry.id, hint: "pass --fee from \(min.decimalString) to \(max)") }
            guard (min...max).contains(chosen) else { throw .feeOutOfRange(ticket: ticket, fee: chosen, min: min, max: max) }
            return chosen
        case .perUnit(let amount, let unit):
            guard let chosen else {
                throw .feeRequired(ticket: ticket, caseID: entry.id, hint: "pass --fee: \(amount) per \(unit), times the number of \(unit)s")
            }
            return chosen
        case .instanceCostPlus(let amount):
            guard let chosen else {
                throw .feeRequired(ticket: ticket, caseID: entry.id, hint: "pass --fee: the instance's cost plus \(amount)")
            }
            return chosen
        case .fixedOrQuote(let amount), .fixedOrContract(let amount):
            return chosen ?? amount
        case .onQuote, .perContract, .unlisted:
            return chosen
        }
    }

    static func surcharge(for entry: CatalogueCase?, cause: Cause, chosen: Money?, ticket: Int64) throws(TicketActionError) -> Money? {
        guard cause == .customer else {
            if chosen != nil { throw .surchargeWithoutCustomerCause(ticket: ticket) }
            return nil
        }
        guard let range = entry?.customerFaultSurcharge else {
            if chosen != nil { throw .surchargeNotApplicable(ticket: ticket, caseID: entry?.id) }
            return nil
        }
        guard let chosen else { throw .surchargeRequired(ticket: ticket, min: range.lowerBound, max: range.upperBound) }
        guard range.contains(chosen) else {
            throw .surchargeOutOfRange(ticket: ticket, surcharge: chosen, min: range.lowerBound, max: range.upperBound)
        }
        return chosen
    }
}
