/// What a catalogue case costs the customer, in the shapes the policy uses.
public enum Fee: Sendable, Hashable {
    /// Included in the service: nothing to bill.
    case free
    /// A fixed amount, such as 40 EUR for restoring a database backup.
    case fixed(Money)
    /// An amount chosen within a range, such as 10 to 50 EUR depending on the domain extension.
    case range(min: Money, max: Money)
    /// An amount per unit, such as 10 EUR per subdomain.
    case perUnit(Money, unit: String)
    /// The instance's cost plus a fixed amount, such as a migration for traffic peaks.
    case instanceCostPlus(Money)
    /// Priced on a quote the customer accepts first.
    case onQuote
    /// Priced by the customer's contract.
    case perContract
    /// A fixed amount, or on quote for larger work (for example NGINX rewrite rules).
    case fixedOrQuote(Money)
    /// A fixed amount, or per contract (for example migrating a hosting space).
    case fixedOrContract(Money)
    /// The policy lists no fee.
    case unlisted
}

extension Fee: CustomStringConvertible {
    /// The fee as the policy states it: `40.00 EUR`, `10.00 to 50.00 EUR`, `on quote`.
    public var description: String {
        switch self {
        case .free: "free"
        case .fixed(let amount): "\(amount)"
        case .range(let min, let max): "\(min.decimalString) to \(max)"
        case .perUnit(let amount, let unit): "\(amount) per \(unit)"
        case .instanceCostPlus(let amount): "instance cost + \(amount)"
        case .onQuote: "on quote"
        case .perContract: "per contract"
        case .fixedOrQuote(let amount): "\(amount) or on quote"
        case .fixedOrContract(let amount): "\(amount) or per contract"
        case .unlisted: "not listed"
        }
    }
}
