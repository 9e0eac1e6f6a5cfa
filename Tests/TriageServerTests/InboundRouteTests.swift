import Foundation
import Testing
import TicketStore
import TriageCore
import TriageServer

/// Other tools' alerts received by the API server (as `triage serve` builds it) over real HTTP:
/// they become tickets the API shows, answered as Alertmanager and PagerDuty clients expect,
/// refused without the inbound token (an account's token is not it), and absent (404) when the
/// configuration has no `inbound:`.
@Suite("API inbound routes", .serialized)
struct InboundRouteTests {
    static let firing = """
        {"version": "4", "status": "firing", "alerts": [{"status": "firing", "fingerprint": "f1",
          "labels": {"alertname": "DiskFull", "severity": "critical", "customer": "acme", "site": "www"},
          "annotations": {"summary": "disk 98% full"}}]}
        """

    static func pagerDuty(_ action: String, key: String = APIHarness.inboundToken) -> String {
        """
        {"routing_key": "\(key)", "event_action": "\(action)", "dedup_key": "db-1",
         "payload": {"summary": "replica lag", "source": "db1", "severity": "warning"}}
        """
    }

    @Test func anAlertmanagerAlertOpensATicketTheAPIShowsAndItsResolutionEndsIt() async throws {
        let api = try await APIHarness(inbound: true)
        try await api.whileServing { base in
            let answer = try await api.send("POST", base + "/inbound/alertmanager", token: APIHarness.inboundToken, body: Self.firing)
            #expect(answer.status == 200, "\(answer.text)")
            #expect(answer.header("Content-Type") == "application/json", "the sender's JSON, not a problem document")
            #expect(answer.object["status"] as? String == "success")
            let listed = try await api.send("GET", base + "/api/v1/tickets", as: .manager)
            let tickets = try #require(listed.object["tickets"] as? [[String: Any]], "\(listed.text)")
            #expect(tickets.count == 1)
            let ticket = try #require(tickets.first)
            #expect(ticket["summary"] as? String == "alertmanager DiskFull: disk 98% full")
            #expect(ticket["source"] as? String == "inbound" && ticket["customer"] as? String == "acme")
            #expect(answer.object["tickets"] as? String == "\(ticket["id"] as? Int ?? -1)", "the answer names the ticket")
            let resolved = Self.firing.replacingOccurrences(of: "firing", with: "resolved")
            #expect(try await api.send("POST", base + "/inbound/alertmanager", token: APIHarness.inboundToken, body: resolved).status == 200)
            let shown = try await api.send("GET", base + "/api/v1/tickets/\(ticket["id"] as? Int ?? 0)", as: .manager)
            #expect(shown.object["status"] as? String == "resolved", "\(shown.text)")
        }
    }

    @Test func aPagerDutyTriggerThenResolveIsAnsweredAsPagerDutyDoes() async throws {
        let api = try await APIHarness(inbound: true)
        try await api.whileServing { base in
            let trigger = try await api.send("POST", base + "/inbound/pagerduty", token: nil, body: Self.pagerDuty("trigger"))
            #expect(trigger.status == 202, "\(trigger.text)")
            #expect(trigger.object["dedup_key"] as? String == "db-1" && trigger.object["status"] as? String == "success")
            let ticket = try #require(try await api.store.tickets(TicketFilter()).first)
            #expect(ticket.status == .open && ticket.code == .yellow && ticket.customer == "unassigned")
            let resolve = try await api.send("POST", base + "/inbound/pagerduty", token: nil, body: Self.pagerDuty("resolve"))
            #expect(resolve.status == 202, "\(resolve.text)")
            #expect(try await api.store.ticket(id: ticket.id)?.status == .resolved)
        }
    }

    @Test func wrongTokensAndHugeBodiesAreRefusedAndWriteNothing() async throws {
        let api = try await APIHarness(inbound: true)
        try await api.whileServing { base in
            let alertmanager = base + "/inbound/alertmanager"
            for token in [nil, "guess", api.tokens[.admin]] {
                let answer = try await api.send("POST", alertmanager, token: token, body: Self.firing)
                #expect(answer.status == 401, "token \(token ?? "none"): \(answer.text)")
                #expect(answer.object["status"] as? String == "invalid event", "\(answer.text)")
            }
            let wrongKey = try await api.send("POST", base + "/inbound/pagerduty", token: nil, body: Self.pagerDuty("trigger", key: "guess"))
            #expect(wrongKey.status == 401, "\(wrongKey.text)")
            let huge = #"{"version": "4", "alerts": [], "padding": ""# + String(repeating: "x", count: 2 << 20) + "\"}"
            let tooLarge = try await api.send("POST", alertmanager, token: APIHarness.inboundToken, body: huge)
            #expect(tooLarge.status == 413)
            #expect((tooLarge.object["message"] as? String)?.contains("1048576 bytes") == true, "\(tooLarge.text)")
            let bad = try await api.send("POST", alertmanager, token: APIHarness.inboundToken, body: #"{"version": "4"}"#)
            #expect(bad.status == 400 && bad.text.contains("missing alerts"), "\(bad.text)")
        }
        #expect(try await api.store.tickets(TicketFilter()).isEmpty, "nothing was written")
    }

    @Test func withoutInboundSettingsTheRoutesAreNotFound() async throws {
        let api = try await APIHarness()
        #expect(api.configuration.settings.inbound == nil)
        try await api.whileServing { base in
            for path in APIRoutes.inboundPaths {
                let answer = try await api.send("POST", base + path, token: "anything-at-all-0123456789", body: Self.pagerDuty("trigger"))
                #expect(answer.status == 404, "\(path): \(answer.text)")
                #expect(answer.header("Content-Type") == "application/problem+json", "\(path)")
            }
        }
        #expect(try await api.store.tickets(TicketFilter()).isEmpty)
    }
}
