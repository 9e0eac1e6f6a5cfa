import Foundation
import Testing
import PostgresStore
import TicketStore
import TriageCore
import TriageTesting

/// Two nodes on one database, as two `PostgresTicketStore` instances with pools of their own: the
/// races the store, not its callers, must settle.
@Suite("PostgresTicketStore between two nodes")
struct PostgresRaceTests {
    @Test("two nodes raising the same outage at the same moment open one incident")
    func oneIncidentPerOutage() async throws {
        try await TestDatabase.with { database in
            let clock = TestClock()
            let nodes = [try database.store(clock: clock), try database.store(clock: clock)]
            try await nodes[0].migrate()
            let outage = TicketStoreContract.finding(at: clock.now)
            let changes = try await withThrowingTaskGroup(of: IncidentChange.self) { group in
                for attempt in 0..<20 {
                    let node = nodes[attempt % 2]
                    group.addTask { try await node.raise(outage, plans: SupportPlans(), reopenWithin: .seconds(1800)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let opened = changes.filter { if case .opened = $0 { true } else { false } }
            #expect(opened.count == 1)
            #expect(Set(changes.map(\.ticket.id)).count == 1)
            let tickets = try await nodes[1].tickets(TicketFilter())
            #expect(tickets.count == 1)
            let kinds = try await nodes[0].events(ticketID: tickets[0].id).map(\.kind)
            #expect(kinds.filter { $0 == .opened }.count == 1)
            #expect(kinds.filter { $0 == .evidence }.count == 19)
        }
    }

    @Test("the database refuses a second active incident for one dedup key, whoever writes it")
    func uniqueActiveIncident() async throws {
        try await TestDatabase.with { database in
            let clock = TestClock()
            let store = try database.store(clock: clock)
            try await store.migrate()
            _ = try await store.raise(TicketStoreContract.finding(at: clock.now), plans: SupportPlans(), reopenWithin: .zero)
            await #expect(throws: (any Error).self) {
                _ = try await database.run(
                    """
                    INSERT INTO tickets (code, status, source, customer, summary, opened_at, deadline, dedup_key)
                    VALUES ('RED', 'open', 'probe', 'acme', 'copy', 0, 0, 'acme/www/http#down')
                    """
                )
            }
        }
    }
}

/// Two nodes in two places confirming one outage at the same moment: one incident, whose audit
/// trail holds both nodes' evidence, each saying which node and location saw it.
@Suite("PostgresTicketStore: one incident, every node's evidence")
struct PostgresNodeEvidenceTests {
    @Test func bothNodesEvidenceIsOnTheOneIncident() async throws {
        try await TestDatabase.with { database in
            let clock = TestClock()
            let nodes = [
                (try database.store(clock: clock), ProbeNode(name: "par-1", location: "paris", startedAt: clock.now)),
                (try database.store(clock: clock), ProbeNode(name: "ams-1", location: "amsterdam", startedAt: clock.now)),
            ]
            try await nodes[0].0.migrate()
            for round in 0..<10 {
                let at = clock.now.addingTimeInterval(Double(round))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (store, node) in nodes {
                        let finding = TicketStoreContract.finding(at: at, evidence: ["connection refused", node.evidence])
                        group.addTask { _ = try await store.raise(finding, plans: SupportPlans(), reopenWithin: .seconds(1800)) }
                    }
                    try await group.waitForAll()
                }
            }
            let tickets = try await nodes[1].0.tickets(TicketFilter())
            #expect(tickets.count == 1, "one incident for one outage: \(tickets.map(\.id))")
            let details = try await nodes[0].0.events(ticketID: tickets[0].id).map(\.detail)
            #expect(details.count == 20, "every confirmation is on the incident")
            #expect(details.filter { $0.hasSuffix("seen by node par-1 in paris") }.count == 10)
            #expect(details.filter { $0.hasSuffix("seen by node ams-1 in amsterdam") }.count == 10)
        }
    }
}
