import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// Confirmation from several locations with three real `triage run --node` processes in three
/// locations on one PostgreSQL store, against the real test nginx: `/down-from/paris` answers 503
/// only to probes whose User-Agent names the paris location, `/503` to everyone.
///
/// Amsterdam and Berlin start first and the Paris node joins once both are live, so every
/// suspicion of Paris's is judged with three live locations.
@Suite(.serialized)
struct ConfirmationNodesTests {
    static let parisOnly = 9
    static let everywhere = 3

    static func probes(_ nginx: String) -> String {
        var text = """
            customer: acme
            defaults:
              interval: 2s
              timeout: 15s
              confirm: {locations: 2, within: 20s}
            sites:

            """
        for index in 0..<parisOnly { text += "  - {name: p\(index), url: '\(nginx)/down-from/paris?check=\(index)'}\n" }
        for index in 0..<everywhere { text += "  - {name: all\(index), url: '\(nginx)/503?check=\(index)'}\n" }
        return text
    }

    @Test func aFailureSeenFromOneLocationRaisesNothingAndOneSeenFromAllRaisesOneIncidentNamingThem() async throws {
        let cluster = try NodeCluster(probes: Self.probes)
        defer { cluster.tearDown() }
        try cluster.start("n2", location: "amsterdam")
        try cluster.start("n3", location: "berlin")
        let two = try await cluster.waitForHoldings(["n2": 6, "n3": 6], seconds: 60)
        try #require(two == ["n2": 6, "n3": 6], "two nodes share the checks: \(two)\n\(cluster.logs)")
        try cluster.start("n1", location: "paris")
        let store = try await cluster.openStore()

        // Paris holds a third of the twelve checks, so at least one /down-from/paris check: it suspects it.
        var refuted: Suspicion?
        let judged = try await pollAsync(seconds: 90) {
            refuted = try await store.recentSuspicions(limit: 200).first { $0.openedIn == "paris" && $0.outcome == .notConfirmed }
            return refuted != nil
        }
        #expect(judged, "a suspicion of the Paris node is refuted by the others\n\(cluster.logs)")
        if let refuted {
            #expect(refuted.checkID.hasPrefix("acme/p"), "\(refuted)")
            #expect(Set(refuted.verdicts.map(\.location)) == ["paris", "amsterdam", "berlin"], "\(refuted.verdicts)")
            #expect(refuted.verdicts.filter(\.failed).map(\.location) == ["paris"], "\(refuted.verdicts)")
            let listed = try await offPool { [triage = cluster.workspace.triage, url = cluster.database.url] in
                try triage.run(["suspicions", "--store", url, "--limit", "1000"])
            }.stdout.split(separator: "\n")
            let row = listed.first { $0.hasPrefix("\(refuted.id) ") }.map { $0.split(separator: " ").map(String.init) }
            #expect(listed.first?.hasPrefix("ID") == true, "\(listed)")
            #expect(row.map { Array($0.suffix(3)) } == ["not-confirmed", "paris", "amsterdam,berlin"], "triage suspicions: \(listed)")
            let lastAnswer = refuted.verdicts.map(\.at).max() ?? refuted.openedAt
            print("confirm.refuted: other locations answered \(lastAnswer.timeIntervalSince(refuted.openedAt)) s after the suspicion")
        }

        let everywhereIDs = (0..<Self.everywhere).map { "acme/all\($0)/http" }
        var raised: [Ticket] = []
        let allRaised = try await pollAsync(seconds: 30) {
            raised = try await store.tickets(TicketFilter(statuses: [.open])).filter { everywhereIDs.contains($0.checkID ?? "") }
            return raised.count == Self.everywhere
        }
        #expect(allRaised, "each check down everywhere has its incident: \(raised.map(\.checkID))\n\(cluster.logs)")
        let open = try await store.tickets(TicketFilter(statuses: [.open]))
        let unexpected = open.compactMap(\.checkID).filter { !everywhereIDs.contains($0) }
        #expect(unexpected.isEmpty, "no incident for a check down from Paris only: \(unexpected)\n\(cluster.logs)")
        for id in everywhereIDs {
            let all = try await store.tickets(TicketFilter()).filter { $0.checkID == id }
            #expect(all.count == 1, "exactly one incident for \(id)")
            guard let ticket = all.first else { continue }
            let evidence = try await store.events(ticketID: ticket.id).map(\.detail).joined(separator: "; ")
            let failedFrom = ["paris", "amsterdam", "berlin"].filter { evidence.contains("location \($0): failed (node n") }
            #expect(failedFrom.count >= 2, "the evidence names the locations that saw it fail: \(evidence)")
            #expect(evidence.contains("confirmed from \(failedFrom.count) of ") && evidence.contains("locations (2 required)"), "\(evidence)")
            let first = try await store.results(checkID: id, from: .distantPast, to: .distantFuture).first
            let confirmed = try await store.recentSuspicions(limit: 200).first { $0.checkID == id && $0.outcome == .confirmed }
            #expect(confirmed != nil, "the incident came from a confirmed suspicion")
            if let first, let closedAt = confirmed?.closedAt {
                print("confirm.latency: \(id) confirmed \(closedAt.timeIntervalSince(first.startedAt)) s after its first failed probe "
                    + "(\(closedAt.timeIntervalSince(confirmed?.openedAt ?? closedAt)) s after the suspicion)")
            }
        }
    }
}
