import TriageCore

/// Every target of `probes/`, in file order (files sorted by name) then in the order written,
/// and the deadlines each customer's tickets are held to.
public struct ProbeSet: Sendable {
    public var targets: [Target]
    /// The settings' policy, and the custom support plan of every customer whose probe file has
    /// a `policy:` key; codes a plan leaves out keep the settings' rules.
    public var plans: SupportPlans
    /// The maintenance windows of every probe file.
    public var maintenance: MaintenanceCalendar

    /// `plans` defaults to the published policy for every customer, for callers that build
    /// targets by hand rather than load them from `probes/`.
    public init(targets: [Target], plans: SupportPlans = SupportPlans(), maintenance: MaintenanceCalendar = MaintenanceCalendar()) {
        self.targets = targets
        self.plans = plans
        self.maintenance = maintenance
    }

    /// Every check of every target, flat: what the scheduler runs.
    public var checks: [Check] { targets.flatMap(\.checks) }
}
