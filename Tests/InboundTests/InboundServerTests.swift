import CurlEngine
import Foundation
import Inbound
import Logging
import SQLiteStore
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// The inbound receiver over real HTTP on an ephemeral port, writing to a real SQLite store.
@Suite("Inbound receiver")
struct InboundServerTests {
    static let token = "a-long-test-token-0123456789"

    let engine: CurlEngine
    let folder: TemporaryFolder
    let store: SQLiteTicketStore

    init() async throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        folder = try TemporaryFolder()
        store = try SQLiteTicketStore(path: folder.newDatabasePath())
        try await store.migrate()
    }

    /// Runs the receiver on a free port of 127.0.0.1 while `body` runs with its base URL.
    func whileReceiving(_ body: (String) async throws -> Void) async throws {
        let settings = InboundSettings(host: "127.0.0.1", port: 0, token: Secret(Self.token, origin: "the test"))
        let receiver = InboundReceiver(
            store: store, plans: SupportPlans(), reopenWithin: .seconds(1800), defaultCustomer: "unassigned", clock: SystemClock(),
            logger: Logger(label: "test")
        )
        let port = AsyncStream<Int>.makeStream()
        let server = InboundServer(receiver: receiver, settings: settings, logger: Logger(label: "test")) { port.continuation.yield($0) }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        var ports = port.stream.makeAsyncIterator()
        let bound = try #require(await ports.next())
        try await body("http://127.0.0.1:\(bound)")
    }

    func post(_ url: String, _ json: String, bearer: String? = token) async throws -> (status: Int, body: String) {
        var request = CurlRequest(url: url, timeout: .seconds(10))
        request.method = "POST"
        request.body = Array(json.utf8)
        request.headers = [CurlHeader(name: "Content-Type", value: "application/json")]
        if let bearer { request.headers.append(CurlHeader(name: "Authorization", value: "Bearer \(bearer)")) }
        let response = try await engine.perform(request)
        if let error = response.error { throw error }
        return (response.statusCode, String(decoding: response.body, as: UTF8.self))
    }

    static func alert(_ status: String, fingerprint: String = "f1") -> String {
        """
        {"version": "4", "status": "\(status)", "alerts": [{"status": "\(status)", "fingerprint": "\(fingerprint)",
          "labels": {"alertname": "DiskFull", "severity": "critical", "customer": "acme"},
          "annotations": {"summary": "disk 98% full"}}]}
        """
    }

    @Test func alertmanagerAlertsOpenOneTicketAndTheirResolutionEndsIt() async throws {
        try await whileReceiving { base in
            let url = "\(base)/inbound/alertmanager"
            #expect(try await post(url, Self.alert("firing")).status == 200)
            #expect(try await post(url, Self.alert("firing")).status == 200, "Alertmanager repeats the group")
            let open = try await store.tickets(TicketFilter())
            #expect(open.count == 1)
            let ticket = try #require(open.first)
            #expect(ticket.source == .inbound)
            #expect(ticket.code == .red)
            #expect(ticket.customer == "acme")
            #expect(ticket.summary == "alertmanager DiskFull: disk 98% full")
            #expect(ticket.deadline == ticket.openedAt.addingTimeInterval(15 * 60))
            #expect(try await store.events(ticketID: ticket.id).map(\.kind) == [.opened, .evidence])
            #expect(try await post(url, Self.alert("resolved")).status == 200)
            #expect(try await store.ticket(id: ticket.id)?.status == .resolved)
        }
    }

    @Test func pagerDutyEventsAreAnsweredAsPagerDutyDoes() async throws {
        try await whileReceiving { base in
            let url = "\(base)/inbound/pagerduty"
            let trigger = """
                {"routing_key": "\(Self.token)", "event_action": "trigger", "dedup_key": "db-1",
                 "payload": {"summary": "replica lag", "source": "db1", "severity": "critical"}}
                """
            let answer = try await post(url, trigger, bearer: nil)
            #expect(answer.status == 202)
            let fields = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: String]
            #expect(fields?["dedup_key"] == "db-1" && fields?["status"] == "success")
            let ticket = try #require(try await store.tickets(TicketFilter()).first)
            #expect(ticket.customer == "unassigned" && ticket.code == .red)
            let resolve = #"{"routing_key": "\#(Self.token)", "event_action": "resolve", "dedup_key": "db-1"}"#
            #expect(try await post(url, resolve, bearer: nil).status == 202)
            #expect(try await store.ticket(id: ticket.id)?.status == .resolved)
        }
    }

    @Test func wrongTokensBadBodiesAndHugeBodiesChangeNothing() async throws {
        try await whileReceiving { base in
            let alertmanager = "\(base)/inbound/alertmanager"
            #expect(try await post(alertmanager, Self.alert("firing"), bearer: nil).status == 401)
            #expect(try await post(alertmanager, Self.alert("firing"), bearer: "guess").status == 401)
            let bad = try await post(alertmanager, #"{"version": "4"}"#)
            #expect(bad.status == 400)
            #expect(bad.body.contains("missing alerts"), "\(bad.body)")
            let huge = #"{"version": "4", "alerts": [], "padding": ""# + String(repeating: "x", count: 2 << 20) + "\"}"
            #expect(try await post(alertmanager, huge).status == 413)
            let wrongKey = #"{"routing_key": "guess", "event_action": "trigger", "payload": {"summary": "s", "source": "s", "severity": "info"}}"#
            #expect(try await post("\(base)/inbound/pagerduty", wrongKey, bearer: nil).status == 401)
            let snooze = #"{"routing_key": "\#(Self.token)", "event_action": "snooze"}"#
            #expect(try await post("\(base)/inbound/pagerduty", snooze, bearer: nil).status == 400)
            #expect(try await store.tickets(TicketFilter()).isEmpty)
        }
    }
}
