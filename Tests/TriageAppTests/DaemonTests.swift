import CurlEngine
import Foundation
import Logging
import SQLiteStore
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// `triage run` as a process against the real test nginx: incidents appear once with their
/// deadline, a `kill -9` in the middle of writes leaves a consistent store, and a restart during
/// the outage adds no duplicate.
@Suite(.serialized)
struct DaemonTests {
    /// One site down, one answering 500, and enough healthy checks to keep the store writing.
    func outageProbes(nginx: String, closed: Int) -> String {
        var text = """
            customer: acme
            defaults:
              interval: 2s
            sites:
              - name: down
                url: http://127.0.0.1:\(closed)/
              - name: errors
                url: \(nginx)/500

            """
        for index in 0..<150 {
            text += "  - name: load\(index)\n    url: \(nginx)/ok\n    checks:\n      - http: {}\n        interval: 1s\n"
        }
        return text
    }

    /// The active incidents, or none while the daemon has not created the store yet.
    func activeIncidents(_ workspace: Workspace) async -> [Ticket] {
        guard let store = try? SQLiteTicketStore(path: workspace.storePath) else { return [] }
        return (try? await store.tickets(TicketFilter(statuses: [.open, .taken]))) ?? []
    }

    @Test func outagesBecomeOneIncidentEachAcrossKillAndRestart() async throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let closed = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(outageProbes(nginx: nginx, closed: closed), to: "probes/acme.yml")
        let arguments = ["run", "--store", workspace.storePath]

        let first = try workspace.triage.start(arguments, log: "first.log")
        var incidents: [Ticket] = []
        let raised = try await pollAsync(seconds: 60) {
            incidents = await activeIncidents(workspace)
            return incidents.count == 2
        }
        #expect(raised, "two incidents within a minute; daemon log:\n\(workspace.read("first.log"))")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()

        let store = try SQLiteTicketStore(path: workspace.storePath)
        #expect(try await store.integrityProblems().isEmpty)
        let byCheck = Dictionary(grouping: incidents, by: { $0.checkID ?? "" })
        #expect(byCheck["acme/down/http"]?.first?.caseID == .siteDown)
        #expect(byCheck["acme/errors/http"]?.first?.caseID == .repeated5xx)
        for incident in incidents {
            #expect(incident.code == .red)
            #expect(incident.deadline == incident.openedAt.addingTimeInterval(15 * 60))
        }

        let restartedAt = Date()
        let second = try workspace.triage.start(arguments, log: "second.log")
        let probedAgain = try await pollAsync(seconds: 30) {
            try await store.results(checkID: "acme/down/http", from: restartedAt, to: .distantFuture).count >= 3
        }
        #expect(probedAgain, "the restarted daemon probes the outage again; its log:\n\(workspace.read("second.log"))")
        kill(second.processIdentifier, SIGTERM)
        second.waitUntilExit()
        #expect(second.terminationStatus == 0, "graceful stop on SIGTERM")

        let all = try await store.tickets(TicketFilter())
        #expect(all.count == 2, "no duplicate after kill -9 and restart: \(all.map(\.summary))")
        #expect(all.allSatisfy { $0.status == .open })
        for ticket in all {
            let opened = try await store.events(ticketID: ticket.id).filter { $0.kind == .opened }
            #expect(opened.count == 1)
        }
    }

    @Test func anIncidentIsAnnouncedOnceThroughTheConfiguredWebhook() async throws {
        let closed = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let engine = try CurlEngine(logger: Logger(label: "test"))
        defer { engine.shutdown() }
        let hook = try WebhookReceiver(hook: "daemon-\(UUID().uuidString.prefix(8))", engine: engine)
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(workspace.read("config/triage.yml") + """

            notify:
              channels:
                - {name: on-call, webhook: {url: "\(hook.url)"}}
              routes:
                - {codes: [RED], channels: [on-call]}

            """, to: "config/triage.yml")
        try workspace.write("""
            customer: acme
            sites:
              - name: down
                url: http://127.0.0.1:\(closed)/
                checks:
                  - http: {}
                    interval: 1s
            """, to: "probes/acme.yml")
        let daemon = try workspace.triage.start(["run", "--store", workspace.storePath], log: "daemon.log")
        defer {
            kill(daemon.processIdentifier, SIGTERM)
            daemon.waitUntilExit()
        }
        let received = try await hook.waitForRequests(count: 1, timeout: .seconds(30))
        let payload = try #require(try received[0].json() as? [String: Any])
        #expect((payload["event"] as? [String: Any])?["kind"] as? String == "opened")
        #expect((payload["ticket"] as? [String: Any])?["check"] as? String == "acme/down/http")
        try await Task.sleep(for: .seconds(3))
        #expect(try await hook.requests().count == 1, "the outage goes on, probed every second, and pages once")
        let shown = try workspace.triage.run(["tickets", "show", "1", "--store", workspace.storePath])
        let notifications = shown.stdout.components(separatedBy: "Notifications:").last ?? ""
        #expect(notifications.contains("opened") && notifications.contains("on-call") && notifications.contains("delivered"), "\(shown.stdout)")
    }

    @Test func otherToolsAlertsBecomeTicketsThroughTheInboundReceiver() async throws {
        let port = try freeLoopbackPort()
        let engine = try CurlEngine(logger: Logger(label: "test"))
        defer { engine.shutdown() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let token = "daemon-test-token-0123456789"
        try workspace.write(workspace.read("config/triage.yml") + """

            inbound: {listen: "127.0.0.1:\(port)", token: \(token)}

            """, to: "config/triage.yml")
        try workspace.write("customer: acme\nsites: []\n", to: "probes/acme.yml")
        let daemon = try workspace.triage.start(["run", "--store", workspace.storePath], log: "daemon.log")
        defer {
            kill(daemon.processIdentifier, SIGTERM)
            daemon.waitUntilExit()
        }
        var request = CurlRequest(url: "http://127.0.0.1:\(port)/inbound/alertmanager", timeout: .seconds(5))
        request.method = "POST"
        request.headers = [CurlHeader(name: "Authorization", value: "Bearer \(token)")]
        request.body = Array(#"{"version": "4", "alerts": [{"status": "firing", "fingerprint": "f9", "labels": {"alertname": "DiskFull", "severity": "critical", "customer": "acme"}}]}"#.utf8)
        var status = 0
        let accepted = try await pollAsync(seconds: 30) {
            status = try await engine.perform(request).statusCode
            return status == 200
        }
        #expect(accepted, "the receiver answered \(status); daemon log:\n\(workspace.read("daemon.log"))")
        let store = try SQLiteTicketStore(path: workspace.storePath)
        let ticket = try #require(try await store.tickets(TicketFilter()).first)
        #expect(ticket.source == .inbound && ticket.code == .red && ticket.customer == "acme")
    }
}

/// A port of 127.0.0.1 that nothing listens on right now: the kernel picks it for a socket that is then closed.
func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}
