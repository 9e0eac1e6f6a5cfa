import Foundation

/// One `triage run` process among several sharing a store: its name, where it probes from, and
/// this start of it.
///
/// Nodes split the checks through leases in the store (`WorkLeases`); the name is what leases and
/// `triage nodes` show, the location says from where a node saw an outage (in the evidence it adds
/// to an incident), and the instance tells this start of the node from an earlier one still
/// holding the name, so two processes started with the same `--node` never probe the same checks.
///
/// ```swift
/// let node = ProbeNode(name: "par-1", location: "paris", startedAt: clock.now)
/// finding.evidence.append(node.evidence)   // "seen by node par-1 in paris"
/// ```
public struct ProbeNode: Sendable, Hashable {
    public var name: String
    public var location: String
    /// Unique per process start.
    public var instance: String
    public var startedAt: Date

    public init(name: String, location: String, instance: String = UUID().uuidString, startedAt: Date) {
        self.name = name
        self.location = location
        self.instance = instance
        self.startedAt = startedAt
    }

    /// The evidence line that says which node saw a fault, so an incident two nodes confirmed shows both.
    public var evidence: String { "seen by node \(name) in \(location)" }
}
