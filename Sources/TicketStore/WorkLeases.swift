import Foundation
import TriageCore

/// The store's side of several nodes: who is alive, and which node holds which check, as leases
/// that expire unless renewed.
///
/// Every node calls ``renewLeases(_:)`` every third of its lease: the call registers the node (its
/// heartbeat), renews every lease it holds, gives back what it holds beyond its fair share
/// (`ceil(checks / live nodes)`, so a node that joins gets work) and claims unheld or expired
/// checks up to that share. A node that dies stops renewing; its leases expire and the others
/// claim them at their next round. A node probes only what the last grant says it holds, and only
/// until the grant's expiry, so two nodes never probe the same check (see `LeasedChecks`).
///
/// **Whose clock.** Expiry is compared with the instant the caller passes (`LeaseRequest.now`,
/// from the node's injected clock), not with the database's clock: contract tests then check
/// expiry with a test clock, without sleeping, on both backends. The price is an assumption:
/// the nodes' clocks agree to well under a third of the lease (NTP keeps them within
/// milliseconds; the default lease is 30 s). A node whose clock ran ahead by more would claim a
/// lease early, while its holder may still probe it for the difference.
///
/// ```swift
/// let grant = try await store.renewLeases(LeaseRequest(node: node, checkIDs: ids, now: clock.now, lease: .seconds(30)))
/// ownership.update(grant)                      // probe grant.held until grant.expiresAt
/// try await store.releaseLeases(of: node, at: clock.now)   // on graceful shutdown
/// ```
public protocol WorkLeases: Sendable {
    /// One round of the node's heartbeat: register, renew, rebalance and claim, in one transaction.
    ///
    /// - Throws: `NodeNameInUse` when another instance of the same node name is alive (its node
    ///   lease has not expired); `TicketStoreError` when the store fails.
    func renewLeases(_ request: LeaseRequest) async throws -> LeaseGrant

    /// Gives back every lease `node` holds and marks it stopped at `now`, so the others take its
    /// checks at their next round rather than after the lease runs out. Only this instance's name
    /// is marked: a later start of the node that already took the name over is left alone.
    func releaseLeases(of node: ProbeNode, at now: Date) async throws

    /// Every node that ever registered, by name, with how many unexpired leases it holds at `now`.
    func nodes(at now: Date) async throws -> [NodeStatus]
}

/// What a node asks for in one round.
public struct LeaseRequest: Sendable, Hashable {
    public var node: ProbeNode
    /// Every check this node is configured with (the same on every node).
    public var checkIDs: [String]
    /// The node's clock when the round began: leases end at `now + lease`.
    public var now: Date
    public var lease: Duration

    public init(node: ProbeNode, checkIDs: [String], now: Date, lease: Duration) {
        self.node = node
        self.checkIDs = checkIDs
        self.now = now
        self.lease = lease
    }

    /// When every lease granted or renewed by this round ends.
    public var expiresAt: Date { now.adding(lease) }
}

/// What one round left the node holding.
public struct LeaseGrant: Sendable, Hashable {
    /// The checks this node holds, until ``expiresAt``.
    public var held: Set<String>
    public var expiresAt: Date
    /// Nodes whose heartbeat has not expired, this one included.
    public var liveNodes: Int
    /// The soonest end of a lease another node holds on one of the checks: when a dead node's
    /// checks become free, so the next round can be then rather than a whole third of a lease later.
    public var nextForeignExpiry: Date?

    public init(held: Set<String>, expiresAt: Date, liveNodes: Int, nextForeignExpiry: Date?) {
        self.held = held
        self.expiresAt = expiresAt
        self.liveNodes = liveNodes
        self.nextForeignExpiry = nextForeignExpiry
    }

    /// How many of `checks` one of `liveNodes` nodes holds: every check has a holder, and the
    /// shares differ by at most one check.
    public static func fairShare(checks: Int, liveNodes: Int) -> Int {
        let nodes = max(1, liveNodes)
        return (checks + nodes - 1) / nodes
    }
}

/// A node as `triage nodes` shows it.
public struct NodeStatus: Sendable, Hashable {
    public enum State: String, Sendable {
        /// Its heartbeat is current.
        case live
        /// It stopped gracefully and gave its checks back.
        case stopped
        /// Its heartbeat expired without a graceful stop: killed, crashed, or cut off from the store.
        case lost
    }

    public var name: String
    public var location: String
    public var startedAt: Date
    public var heartbeatAt: Date
    /// When its heartbeat (and every lease it renewed with it) ends.
    public var expiresAt: Date
    public var stoppedAt: Date?
    /// Unexpired leases it holds.
    public var checksHeld: Int

    public init(
        name: String, location: String, startedAt: Date, heartbeatAt: Date, expiresAt: Date, stoppedAt: Date?, checksHeld: Int
    ) {
        self.name = name
        self.location = location
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.expiresAt = expiresAt
        self.stoppedAt = stoppedAt
        self.checksHeld = checksHeld
    }

    /// Its state at `now`.
    public func state(at now: Date) -> State {
        if stoppedAt != nil { return .stopped }
        return expiresAt > now ? .live : .lost
    }
}

/// Another process runs with the same node name and its heartbeat is current: two processes with
/// one name would share one set of leases and probe the same checks.
public struct NodeNameInUse: Error, Equatable, CustomStringConvertible, Sendable {
    public var name: String
    /// When the other instance's heartbeat ends, if it is not renewed.
    public var until: Date

    public init(name: String, until: Date) {
        self.name = name
        self.until = until
    }

    public var description: String {
        "node name \(name) is in use by another running triage (its heartbeat lasts until "
            + "\(until.formatted(.iso8601))); give each node its own --node name, or wait for that lease to end "
            + "if the other process is gone"
    }
}
