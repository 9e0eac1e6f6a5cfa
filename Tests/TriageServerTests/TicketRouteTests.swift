import Foundation
import Testing
import TicketStore
import TriageCore
import TriageServer

/// Reading and filing tickets over HTTP: paging with a total, filters, one ticket with its
/// trail, opening from a catalogue case, and 400/404 problems that name what is wrong.
@Suite("API tickets", .serialized)
struct TicketRouteTests {
    @Test func pagesCarryATotalAndTheNextPage() async throws {
        let api = try await APIHarness()
        for index in 1...5 {
            _ = try await api.file(summary: "fault \(index)")
            api.clock.advance(by: .seconds(60))
        }
        try await api.whileServing { base in
            let first = try await api.send("GET", base + "/api/v1/tickets?limit=2", as: .manager)
            #expect(first.status == 200, "\(first.text)")
            #expect(first.object["total"] as? Int == 5)
            let summaries = (first.object["tickets"] as? [[String: Any]])?.compactMap { $0["summary"] as? String }
            #expect(summaries == ["fault 5", "fault 4"], "newest first")
            let next = try #require(first.object["next"] as? String)
            #expect(next.contains("offset=2") && next.contains("limit=2"))
            let second = try await api.send("GET", base + next, as: .manager)
            #expect((second.object["tickets"] as? [[String: Any]])?.first?["summary"] as? String == "fault 3")
            let last = try await api.send("GET", base + "/api/v1/tickets?limit=2&offset=4", as: .manager)
            #expect((last.object["tickets"] as? [Any])?.count == 1)
            #expect(last.object["next"] is NSNull, "the last page has no next")
        }
    }

    @Test func filtersCombine() async throws {
        let api = try await APIHarness()
        let red = try await api.file(summary: "down")
        _ = try await api.file(summary: "slow", code: .yellow)
        _ = try await api.file(summary: "other customer", customer: "globex", target: "globex/shop")
        _ = try await api.desk.apply(.take(overrideReason: nil), to: red.id, by: "ana")
        try await api.whileServing { base in
            let cases: [(String, [String])] = [
                ("code=RED", ["other customer", "down"]),
                ("code=red,yellow&customer=acme", ["slow", "down"]),
                ("state=taken", ["down"]),
                ("state=open&site=globex/shop", ["other customer"]),
            ]
            for (query, expected) in cases {
                let answer = try await api.send("GET", base + "/api/v1/tickets?" + query, as: .manager)
                #expect(answer.status == 200, "\(query): \(answer.text)")
                let summaries = (answer.object["tickets"] as? [[String: Any]])?.compactMap { $0["summary"] as? String }
                #expect(summaries == expected, "\(query)")
            }
        }
    }

    @Test func badParametersAndUnknownTicketsAreProblems() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let badCode = try await api.send("GET", base + "/api/v1/tickets?code=PURPLE", as: .manager)
            #expect(badCode.status == 400)
            #expect(badCode.object["field"] as? String == "code")
            #expect((badCode.object["detail"] as? String)?.contains("PURPLE") == true)
            let badLimit = try await api.send("GET", base + "/api/v1/tickets?limit=0", as: .manager)
            #expect(badLimit.status == 400 && badLimit.object["field"] as? String == "limit")
            let unknown = try await api.send("GET", base + "/api/v1/tickets/4242", as: .manager)
            #expect(unknown.status == 404)
            #expect(unknown.header("Content-Type") == "application/problem+json")
            #expect((unknown.object["detail"] as? String)?.contains("4242") == true)
            #expect(try await api.send("GET", base + "/api/v1/tickets/abc", as: .manager).status == 404)
            #expect(try await api.send("POST", base + "/api/v1/tickets/4242/take", as: .ops).status == 404)
        }
    }

    @Test func aTicketComesWithItsTrail() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        _ = try await api.desk.apply(.comment("looking"), to: ticket.id, by: "ana")
        try await api.whileServing { base in
            let answer = try await api.send("GET", base + "/api/v1/tickets/\(ticket.id)", as: .manager)
            #expect(answer.status == 200)
            #expect(answer.object["id"] as? Int == Int(ticket.id))
            let kinds = (answer.object["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["opened", "comment"])
        }
    }

    @Test func opensFromACatalogueCaseWithTheAccountAsAuthor() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let answer = try await api.send(
                "POST", base + "/api/v1/tickets", as: .ops,
                body: #"{"case": "restore-database-backup", "customer": "acme", "summary": "restore yesterday's dump"}"#
            )
            #expect(answer.status == 201, "\(answer.text)")
            #expect(answer.object["code"] as? String == "RED")
            let id = try #require(answer.object["id"] as? Int)
            #expect(answer.header("Location") == "/api/v1/tickets/\(id)")
            #expect(try await api.store.events(ticketID: Int64(id)).first?.actor == "ops-user")
            let unknownCase = try await api.send(
                "POST", base + "/api/v1/tickets", as: .ops, body: #"{"case": "restore-backup", "customer": "acme", "summary": "x"}"#
            )
            #expect(unknownCase.status == 400)
            #expect((unknownCase.object["detail"] as? String)?.contains("did you mean") == true, "\(unknownCase.text)")
        }
    }

    @Test func badBodiesNameTheField() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let url = base + "/api/v1/tickets"
            let missing = try await api.send("POST", url, as: .ops, body: #"{"code": "RED", "summary": "x"}"#)
            #expect(missing.status == 400)
            #expect(missing.object["field"] as? String == "customer", "\(missing.text)")
            let wrongType = try await api.send("POST", url, as: .ops, body: #"{"code": "RED", "customer": 7, "summary": "x"}"#)
            #expect(wrongType.status == 400 && wrongType.object["field"] as? String == "customer", "\(wrongType.text)")
            let badCode = try await api.send("POST", url, as: .ops, body: #"{"code": "PURPLE", "customer": "acme", "summary": "x"}"#)
            #expect(badCode.status == 400 && badCode.object["field"] as? String == "code", "\(badCode.text)")
            let notJSON = try await api.send("POST", url, as: .ops, body: "customer=acme")
            #expect(notJSON.status == 400 && notJSON.header("Content-Type") == "application/problem+json")
            let huge = try await api.send("POST", url, as: .ops, body: String(repeating: " ", count: 70_000) + "{}")
            #expect(huge.status == 413, "\(huge.text)")
            #expect(huge.header("Content-Type") == "application/problem+json")
        }
        #expect(try await api.store.ticketCount(TicketFilter()) == 0, "no refused body filed a ticket")
    }
}
