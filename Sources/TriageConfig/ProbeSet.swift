import TriageCore

/// Every target of `probes/`, in file order (files sorted by name) then in the order written.
public struct ProbeSet: Sendable {
    public var targets: [Target]

    public init(targets: [Target]) {
        self.targets = targets
    }

    /// Every check of every target, flat: what the scheduler runs.
    public var checks: [Check] { targets.flatMap(\.checks) }
}
