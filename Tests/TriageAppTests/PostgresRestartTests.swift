import Foundation
import PostgresStore
import ServiceLifecycleTestKit
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// `triage run` on PostgreSQL while PostgreSQL stops and starts again, on a cluster of the test's
/// own: the node keeps probing through the outage, writes the results it buffered once the server
/// is back, within seconds, raises the incident that began during the outage, and duplicates nothing.
@Suite(.serialized)
struct PostgresRestartTests {
    @Test func aRunReconnectsAfterARestartAndLosesNothing() async throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let cluster = try PrivateCluster()
        defer { cluster.remove() }
        try cluster.start()
        let listener = try Listener()
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("""
            customer: acme
            defaults:
              interval: 1s
            sites:
              - name: www
                url: \(nginx)/ok
              - name: db
                url: http://127.0.0.1:\(listener.port)/
                checks:
                  - tcp: {port: \(listener.port)}
            """, to: "probes/acme.yml")
        // At debug, the service group says which service it waits for when the node stops.
        let daemon = try workspace.triage.start(["run", "--store", cluster.url, "--log-level", "debug"], log: "daemon.log")
        defer {
            kill(daemon.processIdentifier, SIGTERM)
            daemon.waitUntilExit()
        }
        let store = try PostgresTicketStore(url: cluster.url)
        let www = "acme/www/http"
        func results(_ from: Date, _ to: Date) async throws -> [ProbeResult] {
            try await store.results(checkID: www, from: from, to: to)
        }
        let writing = try await pollAsync(seconds: 60) { (try? await results(.distantPast, .distantFuture).count) ?? 0 >= 3 }
        #expect(writing, "results stored before the outage; daemon log:\n\(workspace.read("daemon.log"))")

        let stoppedAt = Date()
        cluster.stop()
        listener.close()
        try await Task.sleep(for: .seconds(8))
        #expect(daemon.isRunning, "the node rides the outage out")
        let restartedAt = Date()
        try cluster.start()

        var reconnectedAfter: Double?
        let caughtUp = try await pollAsync(seconds: 30) {
            let buffered = (try? await results(stoppedAt.addingTimeInterval(1), restartedAt.addingTimeInterval(-1))) ?? []
            if reconnectedAfter == nil, !buffered.isEmpty { reconnectedAfter = Date().timeIntervalSince(restartedAt) }
            let incidents = (try? await store.tickets(TicketFilter())) ?? []
            return buffered.count >= 5 && incidents.contains { $0.checkID == "acme/db/tcp" }
        }
        #expect(caughtUp, "outage results and the outage's incident stored; daemon log:\n\(workspace.read("daemon.log"))\n\(cluster.log())")
        #expect((reconnectedAfter ?? .infinity) < 5, "reconnected \(String(describing: reconnectedAfter)) s after the restart")
        let afterRestart = try await pollAsync(seconds: 10) { !((try? await results(restartedAt.addingTimeInterval(1), .distantFuture)) ?? []).isEmpty }
        #expect(afterRestart, "probing goes on being stored")

        kill(daemon.processIdentifier, SIGTERM)
        let terminatedAt = Date()
        // Bounded, so a node that does not stop fails this test instead of hanging the suite.
        let stopped = try await pollAsync(seconds: 40) { !daemon.isRunning }
        print("postgres.restart: the node stopped \(Date().timeIntervalSince(terminatedAt)) s after SIGTERM")
        var stacks = ""
        if !stopped {
            stacks = await threadDump(of: daemon.processIdentifier)
            kill(daemon.processIdentifier, SIGKILL)
        }
        #expect(stopped, "SIGTERM (at \(terminatedAt)) stops the node after the outage; daemon log:\n\(workspace.read("daemon.log"))\nits threads:\n\(stacks)")
        daemon.waitUntilExit()
        #expect(!stopped || daemon.terminationStatus == 0, "graceful stop after the outage")
        let all = try await results(.distantPast, .distantFuture)
        #expect(Set(all.map(\.startedAt)).count == all.count, "no result written twice")
        let tickets = try await store.tickets(TicketFilter())
        #expect(tickets.map(\.checkID) == ["acme/db/tcp"], "one incident, raised once: \(tickets.map(\.summary))")
        for ticket in tickets {
            #expect(try await store.events(ticketID: ticket.id).filter { $0.kind == .opened }.count == 1)
        }
        await store.shutdown()
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// An up result of acme's site, `second` seconds after ``start``.
    static func result(_ second: Double) -> ProbeResult {
        ProbeResult(checkID: "acme/www/http", startedAt: start.addingTimeInterval(second), outcome: .up, reason: "HTTP 200")
    }

    /// The pool an operation renews belongs to the store, not to the service that ran the
    /// operation: when that service shuts down (SIGTERM reaches the services one by one), the
    /// store goes on serving the services still stopping, such as the scheduler's last flush.
    @Test func aPoolRenewedInsideAServiceOutlivesThatServicesShutdown() async throws {
        let cluster = try PrivateCluster()
        defer { cluster.remove() }
        try cluster.start()
        let store = try PostgresTicketStore(url: cluster.url)
        try await store.migrate()
        let start = Self.start, result = Self.result
        try await testGracefulShutdown { service in
            cluster.stop()
            // Fails within the lease timeout and renews the pool, from inside this "service".
            await #expect(throws: TicketStoreError.self) { try await store.record([result(1)]) }
            try cluster.start()
            service.triggerGracefulShutdown()
        }
        for second in 2...6 {
            try await store.record([result(Double(second))])
            try await Task.sleep(for: .milliseconds(200))
        }
        let stored = try await store.results(checkID: "acme/www/http", from: start, to: .distantFuture)
        #expect(stored.map(\.startedAt) == (2...6).map { result(Double($0)).startedAt })
        await store.shutdown()
    }

    /// What lets the node above ride an outage: with the server gone, an operation fails within
    /// the store's 5 s lease timeout (PostgresNIO's pool alone would hold it for a minute), and
    /// once the server is back the next operation connects at once.
    @Test func anOperationDuringAnOutageFailsWithinSecondsAndTheNextOneReconnects() async throws {
        let cluster = try PrivateCluster()
        defer { cluster.remove() }
        try cluster.start()
        let store = try PostgresTicketStore(url: cluster.url)
        try await store.migrate()
        let start = Self.start, result = Self.result
        try await store.record([result(0)])
        cluster.stop()
        for attempt in 1...2 {
            let began = Date()
            let error = await #expect(throws: TicketStoreError.self) { try await store.record([result(Double(attempt))]) }
            #expect(Date().timeIntervalSince(began) < 8, "attempt \(attempt) failed after \(Date().timeIntervalSince(began)) s")
            if attempt == 2 {
                #expect(error?.message.contains("no connection to the server within 5") == true, "\(String(describing: error))")
            }
        }
        try cluster.start()
        let restarted = Date()
        try await store.record([result(3)])
        #expect(Date().timeIntervalSince(restarted) < 2, "reconnected after \(Date().timeIntervalSince(restarted)) s")
        #expect(try await store.results(checkID: "acme/www/http", from: start, to: .distantFuture).map(\.startedAt) == [result(0).startedAt, result(3).startedAt])
        await store.shutdown()
    }
}
