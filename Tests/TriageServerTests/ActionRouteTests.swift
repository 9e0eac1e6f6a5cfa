import Foundation
import Testing
import TicketStore
import TriageCore
import TriageServer

/// Each desk action end to end over HTTP: the answer is the changed ticket with its trail, the
/// author is the token's account, and a refusal is a 409 with the desk's sentence.
@Suite("API actions", .serialized)
struct ActionRouteTests {
    @Test func takeCommentRecodeResolve() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file(code: .yellow)
        try await api.whileServing { base in
            let url = base + "/api/v1/tickets/\(ticket.id)"
            let taken = try await api.send("POST", url + "/take", as: .ops)
            #expect(taken.status == 200, "\(taken.text)")
            #expect(taken.object["status"] as? String == "taken")
            #expect(taken.object["takenBy"] as? String == "ops-user")
            let again = try await api.send("POST", url + "/take", as: .admin)
            #expect(again.status == 409, "\(again.text)")
            #expect((again.object["detail"] as? String)?.contains("is taken") == true, "\(again.text)")
            #expect(try await api.send("POST", url + "/comment", as: .ops, body: #"{"text": "on it"}"#).status == 200)
            let recoded = try await api.send("POST", url + "/recode", as: .ops, body: #"{"code": "RED", "reason": "worse"}"#)
            #expect(recoded.object["code"] as? String == "RED", "\(recoded.text)")
            let resolved = try await api.send("POST", url + "/resolve", as: .ops, body: #"{"cause": "provider", "note": "fixed"}"#)
            #expect(resolved.status == 200, "\(resolved.text)")
            #expect(resolved.object["status"] as? String == "resolved")
            let kinds = (resolved.object["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["opened", "taken", "comment", "recoded", "resolved"])
            let badFee = try await api.send("POST", url + "/resolve", as: .ops, body: #"{"cause": "provider", "note": "x", "fee": "lots"}"#)
            #expect(badFee.status == 400 && badFee.object["field"] as? String == "fee", "\(badFee.text)")
        }
        let trail = try await api.store.events(ticketID: ticket.id)
        #expect(Set(trail.dropFirst().map(\.actor)) == ["ops-user"])
    }

    @Test func refuseAndReferAreForWhiteTickets() async throws {
        let api = try await APIHarness()
        let red = try await api.file()
        let first = try await api.file(summary: "a new theme", code: .white)
        let second = try await api.file(summary: "ad campaign", code: .white)
        try await api.whileServing { base in
            let wrong = try await api.send("POST", base + "/api/v1/tickets/\(red.id)/refuse", as: .ops, body: #"{"reason": "no"}"#)
            #expect(wrong.status == 409)
            #expect((wrong.object["detail"] as? String)?.contains("only WHITE") == true, "\(wrong.text)")
            let refused = try await api.send("POST", base + "/api/v1/tickets/\(first.id)/refuse", as: .ops, body: #"{"reason": "out of scope"}"#)
            #expect(refused.object["status"] as? String == "refused", "\(refused.text)")
            let referred = try await api.send("POST", base + "/api/v1/tickets/\(second.id)/refer", as: .ops, body: #"{"to": "Ads & Co"}"#)
            #expect(referred.object["status"] as? String == "referred", "\(referred.text)")
            #expect(referred.object["referredTo"] as? String == "Ads & Co")
            let missing = try await api.send("POST", base + "/api/v1/tickets/\(red.id)/comment", as: .ops, body: #"{"note": "x"}"#)
            #expect(missing.status == 400 && missing.object["field"] as? String == "text", "\(missing.text)")
        }
    }
}
