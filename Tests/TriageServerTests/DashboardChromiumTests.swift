import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// The dashboard in a real browser (headless Chromium over the DevTools protocol), as the operator
/// paged at night uses it on a phone: log in, see the queue with its countdown ticking, open the
/// ticket, press "Take in charge", and see who took it. Screenshots of each step are kept in
/// `.build/test-artefacts/dashboard/`.
@Suite("Dashboard in Chromium", .serialized)
struct DashboardChromiumTests {
    @Test func anOperatorLogsInWatchesTheCountdownAndTakesTheIncidentInCharge() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file(summary: "www.acme.example is down")
        let shots = try TestArtefacts.folder("dashboard")
        try await api.whileServing { base in
            try await BrowserSession.withSession { browser in
                try await browser.setViewport(width: 390, height: 844)
                try await browser.navigate(to: try #require(URL(string: base + "/")))
                #expect(try await browser.evaluate("location.pathname").string == "/login", "an anonymous browser is sent to log in")
                try await browser.fill("input[name=username]", with: "ops-user")
                try await browser.fill("input[name=password]", with: "correct horse \(AccountRole.ops)")
                try await browser.clickAndWaitForLoad("form button")

                // The queue, with the incident and a countdown the page's script moves on its own.
                #expect(try await browser.evaluate("location.pathname").string == "/")
                let row = "document.querySelector('#ticket-\(ticket.id)')"
                #expect(try await browser.evaluate("\(row).textContent.includes('www.acme.example is down')") == .bool(true))
                let countdown = "\(row).querySelector('time.countdown').textContent"
                let first = try #require(try await browser.evaluate(countdown).string)
                #expect(first.contains("left"), "\(first)")
                try await browser.waitFor("\(countdown) !== \(Self.literal(first))", timeout: .seconds(5))
                try await browser.screenshot(to: shots.appendingPathComponent("queue.png"))

                // The ticket page, and the take-in-charge form.
                try await browser.clickAndWaitForLoad("#ticket-\(ticket.id) a[href='/tickets/\(ticket.id)']")
                #expect(try await browser.evaluate("document.querySelector('#taken-by')") == .null, "nobody has it yet")
                try await browser.clickAndWaitForLoad("form[action='/tickets/\(ticket.id)/take'] button")
                try await browser.waitFor("document.querySelector('#taken-by')?.textContent.startsWith('ops-user since') === true")
                #expect(try await browser.evaluate("location.pathname").string == "/tickets/\(ticket.id)", "back on the ticket")
                try await browser.screenshot(to: shots.appendingPathComponent("ticket-taken.png"))
            }
        }
        let taken = try #require(try await api.store.ticket(id: ticket.id))
        #expect(taken.status == .taken)
        #expect(taken.takenBy == "ops-user", "the store says who took it, as the page did")
        let png = try Data(contentsOf: shots.appendingPathComponent("ticket-taken.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG was saved")
    }

    /// `text` as a JavaScript string literal.
    static func literal(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
