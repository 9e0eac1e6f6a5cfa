import Foundation
import Testing
import TicketStore

/// Every dashboard page needs the role its API route needs: an anonymous browser is sent to the
/// login page with the page to return to, a lower role gets a 403 page, its role or above the page.
@Suite("Dashboard access", .serialized)
struct DashboardAccessTests {
    /// Each page or form with the least role that opens it.
    static func pages(ticket: Int64) -> [(method: String, path: String, role: AccountRole)] {
        [
            ("GET", "/", .viewer), ("GET", "/sites", .viewer), ("GET", "/tickets/\(ticket)", .manager), ("GET", "/reports", .manager),
            ("GET", "/reports/view", .manager), ("POST", "/tickets/\(ticket)/take", .ops), ("POST", "/tickets/\(ticket)/resolve", .ops),
            ("POST", "/logout", .viewer),
        ]
    }

    @Test func everyPageSendsAnonymousBrowsersToLogin() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            for (method, path, _) in Self.pages(ticket: ticket.id) {
                let answer = try await browser.send(method, path, body: method == "POST" ? "csrf=x" : nil)
                #expect(answer.status == 303, "\(method) \(path)")
                let location = try #require(answer.header("Location"), "\(method) \(path)")
                #expect(location == "/login?next=" + (method == "GET" ? DashboardBrowser.encode(path) : "%2F"), "a form returns to the queue")
            }
            browser.session = "triage_" + String(repeating: "0", count: 64)
            #expect(try await browser.get("/").status == 303, "an unknown session is anonymous")
        }
        #expect(try await api.store.ticket(id: ticket.id)?.status == .open)
    }

    @Test func everyPageRefusesRolesBelowItsOwn() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.whileServing { base in
            var refusals = 0
            for role in AccountRole.allCases {
                let browser = try await DashboardBrowser.loggedIn(api, base: base, as: role)
                let csrf = try DashboardBrowser.csrf(in: try await browser.get("/"))
                for (method, path, least) in Self.pages(ticket: ticket.id) where role < least {
                    let answer = try await browser.send(method, path, body: method == "POST" ? "csrf=\(csrf)&cause=provider&note=x" : nil)
                    #expect(answer.status == 403, "\(role) on \(method) \(path)")
                    #expect(answer.text.contains("this page needs \(least.rawValue) or above"), "\(role) on \(path)")
                    refusals += 1
                }
                for (method, path, least) in Self.pages(ticket: ticket.id) where method == "GET" && role >= least {
                    #expect(try await browser.get(path).status == 200, "\(role) on \(path)")
                }
            }
            #expect(refusals == 7, "viewer: 3 manager pages and 2 ops forms; manager: 2 ops forms")
        }
        #expect(try await api.store.events(ticketID: ticket.id).count == 1, "a refused form changed nothing")
    }
}
