import TriageCore

/// Every target of `probes/`, in file order (files sorted by name) then in the order written,
/// and the deadlines each customer's tickets are held to.
public struct ProbeSet: Sendable {
    public var targets: [Target]
    /// The settings' policy, and the custom support plan of every customer whose probe file has
    /// a `policy:` key; codes a plan leaves out keep the settings' rules.
    public var plans: SupportPlans

    /// `plans` defaults to the published policy for every customer, for callers that build
    /// targets by hand rather than load them from `probes/`.
    public init(targets: [Target], plans: SupportPlans = SupportPlans()) {
        self.targets = targets
        self.plans = plans
    }

    /// Every check of every target, flat: what the scheduler runs.
    public var checks: [Check] { targets.flatMap(\.checks) }
}
