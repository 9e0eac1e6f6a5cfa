import Foundation
import TicketStore
import TriageCore

/// The promises every `WorkLeases` backend keeps, with two or three nodes on one store: every
/// check held by one node at most, fair shares, expiry by the caller's clock (tested with a test
/// clock, never by sleeping), a freed name only once its holder is gone, and a graceful release.
///
/// The factory opens another connection to the *same* store on each call, as another node would.
///
/// ```swift
/// @Test(arguments: WorkLeaseContract.all)
/// func leases(name: String, run: @Sendable (WorkLeaseContract.StoreFactory) async throws -> Void) async throws {
///     let path = try folder.newDatabasePath()
///     try await run { clock in try SQLiteTicketStore(path: path, clock: clock) }
/// }
/// ```
public enum WorkLeaseContract {
    public typealias Store = any TicketStore & WorkLeases
    /// Opens another connection to the one store of this check (unmigrated on the first call).
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> Store
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    public static let all: [Check] = [
        ("a lone node holds every check; a second one gets half once the first gives it back", sharesAfterJoin),
        ("a dead node's checks are claimed when its lease ends, not before", takeoverAtExpiry),
        ("a node gives back the checks it is no longer configured with", unconfiguredChecksAreFreed),
        ("three nodes claiming at once never hold one check twice", concurrentClaimsAreDisjoint),
        ("a live node's name is refused to another instance until its lease ends", nameOfLiveNodeIsRefused),
        ("a graceful stop gives every check back; nodes are listed with their state and holdings", releaseAndList),
    ]

    static let lease = Duration.seconds(30)
    static let checks = (1...6).map { "acme/site\($0)/http" }

    static func node(_ name: String, _ clock: TestClock) -> ProbeNode {
        ProbeNode(name: name, location: "loc-\(name)", startedAt: clock.now)
    }

    static func round(_ store: Store, _ node: ProbeNode, _ clock: TestClock, checks: [String] = checks) async throws -> LeaseGrant {
        try await store.renewLeases(LeaseRequest(node: node, checkIDs: checks, now: clock.now, lease: lease))
    }

    /// Two connections to one migrated store, and two nodes.
    static func twoNodes(_ makeStore: StoreFactory, _ clock: TestClock) async throws -> (Store, Store, ProbeNode, ProbeNode) {
        let first = try await makeStore(clock)
        try await first.migrate()
        return (first, try await makeStore(clock), node("a", clock), node("b", clock))
    }

    public static func sharesAfterJoin(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (storeA, storeB, a, b) = try await twoNodes(makeStore, clock)
        let alone = try await round(storeA, a, clock)
        try Expect.equal(alone.held, Set(checks), "a lone node's grant")
        try Expect.equal(alone.expiresAt, clock.now.adding(lease), "the grant's expiry")
        try Expect.equal(try await round(storeB, b, clock).held, [], "a joining node while the first holds everything")
        clock.advance(by: .seconds(10))
        let gaveBack = try await round(storeA, a, clock)
        try Expect.equal(gaveBack.held.count, 3, "the first node's share with two live nodes")
        try Expect.equal(gaveBack.liveNodes, 2, "live nodes")
        let joined = try await round(storeB, b, clock)
        try Expect.equal(joined.held, Set(checks).subtracting(gaveBack.held), "the second node's share: the rest")
    }

    public static func takeoverAtExpiry(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (storeA, storeB, a, b) = try await twoNodes(makeStore, clock)
        _ = try await round(storeA, a, clock)
        _ = try await round(storeB, b, clock)
        let deadAt = clock.now
        let heldByA = try await round(storeA, a, clock).held
        let before = try await round(storeB, b, clock)
        try Expect.equal(before.nextForeignExpiry, deadAt.adding(lease), "the soonest end of another node's lease")
        clock.advance(to: deadAt.adding(lease).addingTimeInterval(-0.001))
        let stillOut = try await round(storeB, b, clock)
        try Expect.that(stillOut.held.isDisjoint(with: heldByA), "no check of the silent node is claimed before its lease ends")
        clock.advance(to: deadAt.adding(lease))
        let takeover = try await round(storeB, b, clock)
        try Expect.equal(takeover.held, Set(checks), "every check once the silent node's lease ended")
        try Expect.equal(takeover.liveNodes, 1, "live nodes once its heartbeat ended")
        try Expect.equal(takeover.nextForeignExpiry, nil, "no other node's lease left")
    }

    public static func unconfiguredChecksAreFreed(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (storeA, storeB, a, b) = try await twoNodes(makeStore, clock)
        _ = try await round(storeA, a, clock)
        let fewer = try await round(storeA, a, clock, checks: Array(checks.prefix(4)))
        try Expect.equal(fewer.held, Set(checks.prefix(4)), "the checks still configured stay held")
        let other = try await round(storeB, b, clock)
        try Expect.equal(other.held, Set(checks.suffix(2)), "the freed checks are free for another node")
    }

    public static func concurrentClaimsAreDisjoint(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let first = try await makeStore(clock)
        try await first.migrate()
        let stores = [first, try await makeStore(clock), try await makeStore(clock)]
        let nodes = ["a", "b", "c"].map { node($0, clock) }
        let many = (1...30).map { "acme/site\($0)/http" }
        for _ in 0..<4 {
            let grants = try await withThrowingTaskGroup(of: Set<String>.self) { group in
                for index in 0..<3 {
                    group.addTask { try await round(stores[index], nodes[index], clock, checks: many).held }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try Expect.equal(grants.map(\.count).reduce(0, +), Set(grants.joined()).count, "checks held by two nodes at once")
            clock.advance(by: .seconds(10))
        }
        let settled = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<3 { group.addTask { try await round(stores[index], nodes[index], clock, checks: many).held.count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let listed = try await first.nodes(at: clock.now).map(\.checksHeld)
        try Expect.equal(listed.reduce(0, +), 30, "every check held once the shares settled: \(settled), listed \(listed)")
        try Expect.that(listed.allSatisfy { $0 <= 10 }, "no node above its fair share of 10: \(listed)")
    }

    public static func nameOfLiveNodeIsRefused(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (storeA, storeB, a, _) = try await twoNodes(makeStore, clock)
        _ = try await round(storeA, a, clock)
        let again = ProbeNode(name: "a", location: "elsewhere", startedAt: clock.now)
        try await Expect.throwsError(NodeNameInUse(name: "a", until: clock.now.adding(lease)), "a second instance of a live name") {
            try await round(storeB, again, clock)
        }
        clock.advance(by: lease)
        let restarted = try await round(storeB, again, clock)
        try Expect.equal(restarted.held, Set(checks), "the restarted node takes the name and its checks once the lease ended")
        let listed = try await storeA.nodes(at: clock.now)
        try Expect.equal(listed.map(\.location), ["elsewhere"], "the name's row now describes the new instance")
    }

    public static func releaseAndList(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (storeA, storeB, a, b) = try await twoNodes(makeStore, clock)
        _ = try await round(storeA, a, clock)
        clock.advance(by: .seconds(5))
        _ = try await round(storeB, b, clock)
        _ = try await round(storeA, a, clock)
        let listed = try await storeB.nodes(at: clock.now)
        try Expect.equal(listed.map(\.name), ["a", "b"], "nodes by name")
        try Expect.equal(listed.map(\.location), ["loc-a", "loc-b"], "their locations")
        try Expect.equal(listed.map(\.checksHeld), [3, 0], "their holdings before b's next round")
        try Expect.equal(listed[1].heartbeatAt, clock.now, "b's last heartbeat")
        try Expect.equal(listed.map { $0.state(at: clock.now) }, [.live, .live], "both live")
        try await storeA.releaseLeases(of: a, at: clock.now)
        let afterStop = try await storeB.nodes(at: clock.now)
        try Expect.equal(afterStop.map { $0.state(at: clock.now) }, [.stopped, .live], "a stopped")
        try Expect.equal(try await round(storeB, b, clock).held, Set(checks), "b takes every check at its next round")
        clock.advance(by: lease)
        try Expect.equal(
            try await storeA.nodes(at: clock.now).map { $0.state(at: clock.now) }, [.stopped, .lost], "b lost once its heartbeat ended"
        )
    }
}
