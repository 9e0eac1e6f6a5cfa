import Foundation
import Testing
import TriageTesting

/// Three `triage run --node` processes on one PostgreSQL store, probing thirty checks of the real
/// test nginx: the checks are split with none probed twice and none orphaned, a `kill -9`ed node's
/// checks are taken over once its lease ends, and a graceful stop hands its checks over at once.
@Suite(.serialized)
struct NodesTests {
    typealias Cluster = NodeCluster

    /// Every check probed in `[from, to)`, and none more often than one prober can: at most one
    /// probe per interval (plus the window's edge), never two within half an interval.
    func expectOneProberPerCheck(_ probes: [String: [Date]], from: Date, to: Date, _ context: String) {
        let most = Int(to.timeIntervalSince(from) / Cluster.interval) + 1
        #expect(probes.count == Cluster.checkCount && probes.values.allSatisfy { !$0.isEmpty }, "none orphaned: \(context)")
        for (check, times) in probes {
            #expect(times.count <= most, "\(check) probed \(times.count) times in \(to.timeIntervalSince(from)) s: \(context)")
            let gaps = zip(times, times.dropFirst()).map { $1.timeIntervalSince($0) }
            #expect(gaps.allSatisfy { $0 > Cluster.interval / 4 }, "\(check) probed twice at once: gaps \(gaps), \(context)")
        }
    }

    /// Starts three nodes and waits until each holds its third of the checks.
    func startBalanced(_ cluster: Cluster) async throws {
        for name in ["n1", "n2", "n3"] { try cluster.start(name) }
        let balanced = try await cluster.waitForHoldings(["n1": 10, "n2": 10, "n3": 10], seconds: 60)
        try #require(balanced == ["n1": 10, "n2": 10, "n3": 10], "three nodes hold 10 checks each: \(balanced)\n\(cluster.logs)")
        #expect(try await cluster.nodes().values.map(\.location).sorted() == ["loc-n1", "loc-n2", "loc-n3"])
        let table = try await offPool { [triage = cluster.workspace.triage, url = cluster.database.url] in
            try triage.run(["nodes", "--store", url])
        }.stdout.split(separator: "\n")
        #expect(table.first?.hasPrefix("NODE  LOCATION  STATE  STARTED (UTC)") == true, "\(table)")
        let rows: [[String]] = table.dropFirst().map { line in
            let cells = line.split(separator: " ").map(String.init)
            return [cells[0], cells[1], cells[2], cells[cells.count - 1]]
        }
        let expected: [[String]] = ["n1", "n2", "n3"].map { [$0, "loc-\($0)", "live", "10"] }
        #expect(rows == expected, "\(table)")
    }

    @Test func nodesOnAStoreWithoutNodesAndALocationWithoutANode() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let listed = try workspace.triage.run(["nodes", "--store", workspace.storePath])
        #expect(listed.status == 0 && listed.stdout == "No node has run on this store with --node.\n", "\(listed.stderr)")
        let refused = try workspace.triage.run(["run", "--store", workspace.storePath, "--location", "paris"])
        #expect(refused.status == 64, "a usage error")
        #expect(refused.stderr.contains("--location says where a node probes from; give the node a name with --node NAME too"))
    }

    @Test func threeNodesShareTheChecksWithNoneProbedTwiceAndNoneOrphaned() async throws {
        let cluster = try Cluster()
        defer { cluster.tearDown() }
        try await startBalanced(cluster)
        let from = Date()
        let covered = try await pollAsync(seconds: 60) {
            try await cluster.probes(from: from).values.allSatisfy { $0.count >= 5 }
        }
        let to = Date()
        #expect(covered, "every check probed five times\n\(cluster.logs)")
        expectOneProberPerCheck(try await cluster.probes(from: from, to: to), from: from, to: to, "three nodes")
        #expect(try await cluster.holdings() == ["n1": 10, "n2": 10, "n3": 10], "the shares stayed put")
        var held: [Set<String>] = []
        for name in ["n1", "n2", "n3"] { held.append(try await cluster.checks(heldBy: name)) }
        #expect(held.reduce(Set<String>()) { $0.union($1) } == Set(cluster.checkIDs), "each check held by one node")
    }

    @Test func aKilledNodesChecksAreTakenOverWhenItsLeaseEnds() async throws {
        let cluster = try Cluster()
        defer { cluster.tearDown() }
        try await startBalanced(cluster)
        let orphans = try await cluster.checks(heldBy: "n2")
        try #require(orphans.count == 10)
        let killedAt = Date()
        try await cluster.stop("n2", signal: SIGKILL)
        var firsts: [Date] = []
        let takenOver = try await pollAsync(seconds: 30) {
            let probes = try await cluster.probes(from: killedAt)
            firsts = orphans.compactMap { probes[$0]?.first }
            return firsts.count == orphans.count
        }
        #expect(takenOver, "the killed node's checks are probed again\n\(cluster.logs)")
        let takeover = (firsts.max() ?? killedAt).timeIntervalSince(killedAt)
        print("nodes.takeover: the killed node's 10 checks were all probed again \(takeover) s after kill -9 "
            + "(lease \(Cluster.lease) s, interval \(Cluster.interval) s)")
        #expect(takeover <= Cluster.lease + Cluster.interval + 2, "taken over once the lease ended: \(takeover) s")
        #expect(takeover >= Cluster.lease * 2 / 3 - 0.25, "not before the lease could have ended: \(takeover) s")

        let rebalanced = try await cluster.waitForHoldings(["n1": 15, "n3": 15], seconds: 20)
        #expect(rebalanced == ["n1": 15, "n3": 15], "two nodes hold 15 each")
        #expect(try await cluster.nodes()["n2"]?.state == "lost")
        let from = Date()
        _ = try await pollAsync(seconds: 30) { try await cluster.probes(from: from).values.allSatisfy { $0.count >= 4 } }
        let to = Date()
        expectOneProberPerCheck(try await cluster.probes(from: from, to: to), from: from, to: to, "after the takeover")

        #expect(try await cluster.stop("n1", signal: SIGTERM) == 0, "graceful stop")
        #expect(try await cluster.checks(heldBy: "n1").isEmpty, "a graceful stop gives every check back at once")
        #expect(try await cluster.nodes()["n1"]?.state == "stopped", "and is recorded")
        let handedOver = try await cluster.waitForHoldings(["n3": 30], seconds: 20)
        #expect(handedOver == ["n3": 30], "the last node holds every check")
    }
}
