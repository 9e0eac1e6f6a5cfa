import Foundation
import Testing
import TicketStore
import TriageCore

/// Text from customers, sites and probed servers is shown as text on every page: a ticket summary,
/// a customer name, a probe's reason and what a visitor typed come back escaped, never as markup.
@Suite("Dashboard escaping", .serialized)
struct DashboardEscapingTests {
    static let markup = "<script>alert(1)</script>"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"

    func expectInert(_ answer: APIHarness.Answer, shown: Bool = true, _ page: String) {
        #expect(answer.status < 400, "\(page): \(answer.status)")
        #expect(!answer.text.contains("<script>alert(1)"), "\(page) holds the markup as markup")
        if shown { #expect(answer.text.contains(Self.escaped), "\(page) shows the text escaped") }
    }

    @Test func summariesCustomersAndReasonsAreEscapedOnEveryPage() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file(summary: "down: " + Self.markup, customer: Self.markup)
        try await api.store.record([
            ProbeResult(checkID: "acme/www/http", startedAt: api.clock.now.addingTimeInterval(-10), outcome: .down, reason: "HTTP 500: " + Self.markup, statusCode: 500)
        ])
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            expectInert(try await browser.get("/"), "the queue")
            expectInert(try await browser.get("/?customer=" + DashboardBrowser.encode(Self.markup)), "the queue filtered by that customer")
            expectInert(try await browser.get("/tickets/\(ticket.id)"), "the ticket")
            expectInert(try await browser.get("/sites"), "the site board")
            expectInert(try await browser.get("/sites?customer=" + DashboardBrowser.encode(Self.markup)), "the board's filter")
            expectInert(try await browser.get("/reports/view"), shown: false, "the HTML report")
            let login = try await DashboardBrowser(api, base: base).get("/login?next=" + DashboardBrowser.encode("/\"><script>alert(1)</script>"))
            #expect(!login.text.contains("<script>alert(1)"), "the login page's next")
            let failed = try await DashboardBrowser(api, base: base).logIn(Self.markup, password: "whatever it is")
            #expect(failed.status == 401)
            #expect(!failed.text.contains("<script>alert(1)") && failed.text.contains(Self.escaped), "the login page's username")
        }
    }
}
