/// Deadlines per customer: the published policy, and the custom support plans of customers who
/// pay for faster handling. Tickets of a customer always use that customer's plan.
public struct SupportPlans: Sendable, Equatable {
    /// The policy of every customer without a plan of its own (`policy:` in config/triage.yml).
    public var standard: Policy
    /// Customer name → its plan (`policy:` in the customer's probe file).
    public var byCustomer: [String: Policy]

    public init(standard: Policy = .standard, byCustomer: [String: Policy] = [:]) {
        self.standard = standard
        self.byCustomer = byCustomer
    }

    /// The deadlines that apply to `customer`'s tickets.
    public func policy(for customer: String) -> Policy {
        byCustomer[customer] ?? standard
    }
}
