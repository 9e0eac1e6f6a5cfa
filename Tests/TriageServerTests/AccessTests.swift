import Foundation
import Testing
import TicketStore
import TriageServer

/// Every route refuses anonymous requests (401), unknown tokens and disabled accounts (401), and
/// roles below its own (403), always as a problem document; the roles above it pass the check.
@Suite("API access", .serialized)
struct AccessTests {
    /// The registered routes with a real ticket id in place of `{id}`.
    func routes(_ api: APIHarness, ticket: Int64) -> [(route: APIRoute, path: String)] {
        APIRoutes(desk: api.desk, configuration: api.configuration).router().1.map { route in
            (route, route.fullPath.replacingOccurrences(of: "{id}", with: "\(ticket)").replacingOccurrences(of: "{name}", with: "ops-user"))
        }
    }

    func expectProblem(_ answer: APIHarness.Answer, _ status: Int, _ what: String) {
        #expect(answer.status == status, "\(what): \(answer.text)")
        #expect(answer.header("Content-Type") == "application/problem+json", "\(what)")
        #expect(answer.object["status"] as? Int == status, "\(what): \(answer.text)")
        #expect((answer.object["title"] as? String)?.isEmpty == false, "\(what)")
        #expect((answer.object["detail"] as? String)?.isEmpty == false, "\(what)")
        #expect(answer.object["type"] is String, "\(what)")
    }

    @Test func everyRouteRefusesAnonymousAndUnknownTokens() async throws {
        let api = try await APIHarness(inbound: true)
        let ticket = try await api.file()
        try await api.whileServing { base in
            let all = routes(api, ticket: ticket.id)
            #expect(all.count == 17, "3 ticket routes, 6 actions, queue, sites, reports, 3 account routes, openapi.json, /openapi.yaml")
            for (route, path) in all {
                let body = route.method == .post ? "{}" : nil
                let anonymous = try await api.send(route.method.rawValue, base + path, token: nil, body: body)
                expectProblem(anonymous, 401, "anonymous \(route.method) \(path)")
                #expect(anonymous.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                let forged = try await api.send(route.method.rawValue, base + path, token: "triage_" + String(repeating: "0", count: 64), body: body)
                expectProblem(forged, 401, "unknown token \(route.method) \(path)")
            }
            // The inbound routes take the inbound token, not an account's, and answer in their senders' JSON.
            #expect(APIRoutes.inboundPaths == ["/inbound/alertmanager", "/inbound/pagerduty"])
            let forged = "triage_" + String(repeating: "0", count: 64)
            let alert = #"{"version": "4", "alerts": [{"status": "firing", "labels": {"alertname": "A"}}]}"#
            for token in [nil, forged] {
                let answer = try await api.send("POST", base + "/inbound/alertmanager", token: token, body: alert)
                #expect(answer.status == 401 && answer.object["status"] as? String == "invalid event", "\(answer.text)")
            }
            for key in ["", forged] {
                let event = #"{"routing_key": "\#(key)", "event_action": "trigger", "payload": {"summary": "s", "source": "s", "severity": "critical"}}"#
                let answer = try await api.send("POST", base + "/inbound/pagerduty", token: nil, body: event)
                #expect(answer.status == 401 && answer.object["status"] as? String == "invalid event", "\(answer.text)")
            }
        }
        #expect(try await api.store.tickets(TicketFilter()).count == 1, "no inbound alert was taken")
        #expect(try await api.store.ticket(id: ticket.id)?.status == .open, "refused requests changed nothing")
    }

    @Test func everyRouteRefusesRolesBelowItsOwn() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.whileServing { base in
            var refusals = 0
            for (route, path) in routes(api, ticket: ticket.id) {
                for role in AccountRole.allCases where role < route.role {
                    let answer = try await api.send(route.method.rawValue, base + path, as: role, body: route.method == .post ? "{}" : nil)
                    expectProblem(answer, 403, "\(role) on \(route.method) \(path)")
                    #expect((answer.object["detail"] as? String)?.contains(route.role.rawValue) == true)
                    refusals += 1
                }
                if route.method == .get {
                    let allowed = try await api.send("GET", base + path, as: route.role)
                    #expect(allowed.status == 200, "\(route.role) on GET \(path): \(allowed.text)")
                }
            }
            #expect(refusals >= 20, "every non-viewer route was tried with a lower role")
        }
        #expect(try await api.store.events(ticketID: ticket.id).count == 1, "a refused action wrote nothing")
    }

    @Test func aDisabledAccountsTokenStopsWorkingAtOnce() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            #expect(try await api.send("GET", base + "/api/v1/queue", as: .ops).status == 200)
            try await api.store.disableAccount(named: "ops-user", at: api.clock.now)
            expectProblem(try await api.send("GET", base + "/api/v1/queue", as: .ops), 401, "disabled account")
        }
    }

    /// An admin lists an account's tokens by id and revokes one: that token is refused at once,
    /// the account's other token goes on, and revoking it again is a 404 problem.
    @Test func aRevokedTokenStopsWorkingAtOnce() async throws {
        let api = try await APIHarness()
        api.clock.advance(by: .seconds(1))
        let spare = try await api.accounts.issueToken(for: "ops-user", label: "spare")
        try await api.whileServing { base in
            let listed = try await api.send("GET", base + "/api/v1/accounts/ops-user/tokens", as: .admin)
            let tokens = try #require(listed.json as? [[String: Any]], "\(listed.text)")
            #expect(tokens.map { $0["label"] as? String } == ["test", "spare"])
            #expect(tokens.allSatisfy { $0["digest"] == nil && ($0["id"] as? String)?.count == 12 }, "ids, never digests")
            let id = try #require(tokens.first?["id"] as? String)
            let revoked = try await api.send("DELETE", base + "/api/v1/accounts/ops-user/tokens/\(id)", as: .admin)
            #expect(revoked.status == 200 && revoked.object["label"] as? String == "test", "\(revoked.text)")
            expectProblem(try await api.send("GET", base + "/api/v1/queue", as: .ops), 401, "the revoked token")
            #expect(try await api.send("GET", base + "/api/v1/queue", token: spare.value).status == 200, "the account's other token")
            expectProblem(try await api.send("DELETE", base + "/api/v1/accounts/ops-user/tokens/\(id)", as: .admin), 404, "revoked twice")
            expectProblem(try await api.send("GET", base + "/api/v1/accounts/nobody/tokens", as: .admin), 404, "unknown account")
        }
    }

    @Test func unknownPathsAreProblemsToo() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            expectProblem(try await api.send("GET", base + "/api/v1/nothing-here", as: .admin), 404, "unknown path")
        }
    }
}
