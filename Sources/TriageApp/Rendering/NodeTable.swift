import Foundation
import TicketStore
import TriageCore

/// The nodes sharing the store, for a terminal: one row per node name, with how long ago its last
/// heartbeat was, so a lost node stands out.
public struct NodeTable: Renderer {
    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    public func render(_ nodes: [NodeStatus]) -> String {
        guard !nodes.isEmpty else { return "No node has run on this store with --node." }
        return TextTable.render(
            header: ["NODE", "LOCATION", "STATE", "STARTED (UTC)", "LAST HEARTBEAT (UTC)", "AGO", "CHECKS"],
            rows: nodes.map { node in
                [
                    node.name, node.location, node.state(at: now).rawValue, TextTable.utc(node.startedAt),
                    TextTable.utc(node.heartbeatAt), TextTable.span(max(0, Int(now.timeIntervalSince(node.heartbeatAt)))),
                    "\(node.checksHeld)",
                ]
            }
        )
    }
}

/// A node as JSON, for scripts and monitoring of the nodes themselves.
public struct NodeJSON: Encodable, Sendable {
    public var name: String
    public var location: String
    /// `live`, `stopped` or `lost`.
    public var state: String
    public var startedAt: Date
    public var heartbeatAt: Date
    /// When its heartbeat (and its leases) end unless renewed.
    public var expiresAt: Date
    public var stoppedAt: Date?
    /// Checks it holds now.
    public var checks: Int

    public init(_ node: NodeStatus, now: Date) {
        name = node.name
        location = node.location
        state = node.state(at: now).rawValue
        startedAt = node.startedAt
        heartbeatAt = node.heartbeatAt
        expiresAt = node.expiresAt
        stoppedAt = node.stoppedAt
        checks = node.checksHeld
    }
}
