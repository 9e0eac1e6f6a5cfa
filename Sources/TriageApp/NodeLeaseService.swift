import Foundation
import Logging
import Scheduler
import ServiceLifecycle
import TicketStore
import TriageCore

/// The heartbeat of one node among several on a shared store: renews its leases every third of
/// the lease, rebalances, claims its fair share, and hands the result to the scheduler through
/// `LeasedChecks`.
///
/// - A node that joins gets checks as the others give back their excess at their next round.
/// - When another node's lease is about to end (it stopped renewing: killed, crashed, cut off),
///   the next round is timed for that instant, so its checks are claimed as soon as they are free.
/// - When the store cannot be reached, rounds fail and are logged; once the last grant's expiry
///   passes, the scheduler probes nothing (`LeasedChecks`), so no check is probed by two nodes.
///   The next round that reaches the store resumes probing, reading the active incidents again.
/// - On graceful shutdown (after the scheduler stopped: it runs after this service in the group)
///   every lease is given back, so the others take over at their next round.
struct NodeLeaseService: Service {
    let store: any TicketStore & WorkLeases
    let node: ProbeNode
    /// The configured checks' ids, read at each round so a reload's new checks are claimed.
    let checkIDs: @Sendable () -> [String]
    let lease: Duration
    let ownership: LeasedChecks
    let clock: any TriageClock
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await clock.sleep(until: await round())
            }
        }
        await release()
    }

    /// One round; returns when the next one is due.
    @discardableResult
    func round() async -> Date {
        let now = clock.now
        let renewal = now.adding(lease / 3)
        let grant: LeaseGrant
        do {
            grant = try await store.renewLeases(LeaseRequest(node: node, checkIDs: checkIDs(), now: now, lease: lease))
        } catch {
            logger.error("leases.renew_failed", metadata: ["node": "\(node.name)", "error": "\(error)"])
            return renewal
        }
        let before = ownership.held(at: now)
        let taken = grant.held.subtracting(before)
        var granted = grant
        var active: Set<String>?
        if !taken.isEmpty {
            do {
                active = try await store.activeDedupKeys()
            } catch {
                // Without the open incidents a taken-over check could not resolve them: take it next round.
                granted.held.subtract(taken)
                logger.error("leases.active_incidents_failed", metadata: ["error": "\(error)"])
            }
        }
        ownership.update(with: granted, activeFindings: active)
        if granted.held != before {
            logger.info("leases.changed", metadata: [
                "node": "\(node.name)", "leases.held": "\(granted.held.count)", "leases.taken": "\(granted.held.subtracting(before).count)",
                "leases.given": "\(before.subtracting(granted.held).count)", "nodes.live": "\(grant.liveNodes)",
            ])
        }
        guard let freed = grant.nextForeignExpiry else { return renewal }
        return min(renewal, freed.addingTimeInterval(0.05))
    }

    /// Gives every lease back, once the scheduler has stopped probing.
    private func release() async {
        ownership.update(with: LeaseGrant(held: [], expiresAt: clock.now, liveNodes: 0, nextForeignExpiry: nil), activeFindings: nil)
        do {
            try await store.releaseLeases(of: node, at: clock.now)
            logger.notice("leases.released", metadata: ["node": "\(node.name)"])
        } catch {
            logger.error("leases.release_failed", metadata: ["node": "\(node.name)", "error": "\(error)"])
        }
    }
}
