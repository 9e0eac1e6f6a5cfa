import Foundation
import Testing
import TicketStore
import TriageCore

/// The ticket page's forms: CSRF-checked, applying the desk's actions as the signed-in account,
/// then redirecting back to the ticket, which shows who took it.
@Suite("Dashboard ticket actions", .serialized)
struct DashboardTicketTests {
    @Test func takeInChargeThroughTheFormShowsWhoTookIt() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file(summary: "acme/www: site down")
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            let page = try await browser.get("/tickets/\(ticket.id)")
            #expect(page.text.contains("acme/www: site down") && page.text.contains("Take in charge"))
            let taken = try await browser.post("/tickets/\(ticket.id)/take", ["csrf": try DashboardBrowser.csrf(in: page)])
            #expect(taken.status == 303)
            #expect(taken.header("Location") == "/tickets/\(ticket.id)")
            let after = try await browser.get("/tickets/\(ticket.id)")
            #expect(after.text.contains("<td id=\"taken-by\">ops-user since"))
            #expect(!after.text.contains("Take in charge</button>"), "no second take")
            #expect(try await api.store.ticket(id: ticket.id)?.takenBy == "ops-user")

            let resolved = try await browser.post(
                "/tickets/\(ticket.id)/resolve", ["csrf": try DashboardBrowser.csrf(in: after), "cause": "provider", "note": "restarted php-fpm"]
            )
            #expect(resolved.status == 303)
            #expect(try await api.store.ticket(id: ticket.id)?.status == .resolved)
            let trail = try await browser.get("/tickets/\(ticket.id)").text
            #expect(trail.contains("restarted php-fpm") && trail.contains(">resolved<"))
        }
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenChangesNothing() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            let other = try await DashboardBrowser.loggedIn(api, base: base, as: .admin)
            let othersToken = try DashboardBrowser.csrf(in: try await other.get("/"))
            for fields in [[:], ["csrf": ""], ["csrf": "triage_" + String(repeating: "0", count: 64)], ["csrf": othersToken]] {
                let answer = try await browser.post("/tickets/\(ticket.id)/take", fields)
                #expect(answer.status == 403, "\(fields)")
                #expect(answer.text.contains("security token"))
                let resolve = try await browser.post("/tickets/\(ticket.id)/resolve", fields.merging(["cause": "provider", "note": "x"]) { $1 })
                #expect(resolve.status == 403)
            }
            #expect(try await browser.post("/logout", [:]).status == 403, "logout is a form too")
        }
        #expect(try await api.store.ticket(id: ticket.id)?.status == .open)
        #expect(try await api.store.events(ticketID: ticket.id).count == 1, "nothing was written")
    }

    @Test func aRefusedActionShowsTheDesksSentence() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            let csrf = try DashboardBrowser.csrf(in: try await browser.get("/"))
            #expect(try await browser.post("/tickets/\(ticket.id)/take", ["csrf": csrf]).status == 303)
            let again = try await browser.post("/tickets/\(ticket.id)/take", ["csrf": csrf])
            #expect(again.status == 409, "\(again.text)")
            #expect(again.header("Content-Type") == "text/html; charset=utf-8")
            let missing = try await browser.get("/tickets/999")
            #expect(missing.status == 404)
            let noNote = try await browser.post("/tickets/\(ticket.id)/resolve", ["csrf": csrf, "cause": "provider", "note": " "])
            #expect(noNote.status == 400 && noNote.text.contains("say in the note"))
        }
    }
}
