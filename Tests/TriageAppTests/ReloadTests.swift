import Foundation
import SQLiteStore
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// `triage run` re-reads probes/ on SIGHUP: a valid change is applied without a restart, an
/// invalid one is rejected with its file:line and the running configuration stays in force.
@Suite(.serialized)
struct ReloadTests {
    func probes(nginx: String, sites: [(name: String, path: String)], extra: String = "") -> String {
        var text = "customer: acme\ndefaults:\n  interval: 1s\nsites:\n"
        for site in sites {
            text += "  - name: \(site.name)\n    url: \(nginx)\(site.path)\n"
        }
        return text + extra
    }

    func results(_ store: SQLiteTicketStore, _ checkID: String, since: Date = .distantPast) async throws -> Int {
        try await store.results(checkID: checkID, from: since, to: .distantFuture).count
    }

    @Test func hangupAppliesAValidChangeAndKeepsTheOldConfigurationOnErrors() async throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(probes(nginx: nginx, sites: [("www", "/ok")]), to: "probes/acme.yml")
        let daemon = try workspace.triage.start(["run", "--store", workspace.storePath], log: "run.log")
        defer {
            if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
        }
        var store: SQLiteTicketStore?
        let started = try await pollAsync(seconds: 30) {
            store = store ?? (try? SQLiteTicketStore(path: workspace.storePath))
            guard let store else { return false }
            return (try? await results(store, "acme/www/http")) ?? 0 >= 2
        }
        try #require(started, "the daemon probes www; its log:\n\(workspace.read("run.log"))")
        let opened = try #require(store)

        // A failing site added: probed and its incident raised, without a restart.
        try workspace.write(probes(nginx: nginx, sites: [("www", "/ok"), ("errors", "/500")]), to: "probes/acme.yml")
        kill(daemon.processIdentifier, SIGHUP)
        let raised = try await pollAsync(seconds: 30) {
            try await opened.tickets(TicketFilter(statuses: [.open])).contains { $0.checkID == "acme/errors/http" }
        }
        #expect(raised, "the new check's incident is raised; log:\n\(workspace.read("run.log"))")
        #expect(workspace.read("run.log").contains("config.reload.applied"))
        #expect(workspace.read("run.log").contains("checks 1 added, 0 removed, 0 changed, 1 unchanged"))

        // An invalid file: rejected with its line, the previous checks still probed.
        try workspace.write(
            probes(nginx: nginx, sites: [("www", "/ok")], extra: "  - name: typo\n    url: \(nginx)/ok\n    intervall: 2s\n"),
            to: "probes/acme.yml"
        )
        kill(daemon.processIdentifier, SIGHUP)
        let rejected = try await pollAsync(seconds: 20) { workspace.read("run.log").contains("config.reload.rejected") }
        #expect(rejected, "log:\n\(workspace.read("run.log"))")
        #expect(workspace.read("run.log").contains("probes/acme.yml:9: sites[1].intervall"), "\(workspace.read("run.log"))")
        let rejectedAt = Date()
        let stillInForce = try await pollAsync(seconds: 20) {
            let errors = try await results(opened, "acme/errors/http", since: rejectedAt)
            let www = try await results(opened, "acme/www/http", since: rejectedAt)
            return errors >= 2 && www >= 2
        }
        #expect(stillInForce, "the configuration in force before the bad file is still probed")
        #expect(try await results(opened, "acme/typo/http") == 0, "nothing of the rejected file was applied")

        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0, "graceful stop after reloads")
    }
}
