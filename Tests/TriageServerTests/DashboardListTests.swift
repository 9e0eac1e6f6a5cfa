import Foundation
import Testing
import TicketStore
import TriageCore

/// The queue and the board with more than a page: 100 rows a page in the API's order, links to the
/// pages around, filters done by the server, and the countdown's markup.
@Suite("Dashboard lists", .serialized)
struct DashboardListTests {
    static func rows(_ answer: APIHarness.Answer, _ pattern: String) -> Int {
        answer.text.components(separatedBy: pattern).count - 1
    }

    @Test func theQueueIsPagedAndFilteredInWorkQueueOrder() async throws {
        let api = try await APIHarness()
        var filed: [Ticket] = []
        for index in 0..<130 { filed.append(try await api.file(summary: "acme \(index)", code: index % 3 == 0 ? .yellow : .red)) }
        for index in 0..<30 { filed.append(try await api.file(summary: "beta \(index)", customer: "beta")) }
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            let first = try await browser.get("/")
            #expect(Self.rows(first, "<tr id=\"ticket-") == 100)
            #expect(first.text.contains("160 open, page 1 of 2"))
            #expect(first.text.contains("href=\"/?page=2\" rel=\"next\""))
            let order = WorkQueue.order(filed, now: api.clock.now).map(\.ticket.id)
            let shown = first.text.matches(of: /<tr id="ticket-(\d+)"/).compactMap { Int64($0.1) }
            #expect(shown == Array(order.prefix(100)), "the API's queue order")
            let second = try await browser.get("/?page=2")
            #expect(Self.rows(second, "<tr id=\"ticket-") == 60)
            #expect(second.text.contains("href=\"/?page=1\" rel=\"prev\""))
            let past = try await browser.get("/?page=9")
            #expect(past.text.contains("page 2 of 2") && Self.rows(past, "<tr id=\"ticket-") == 60, "a page past the end shows the last")
            let beta = try await browser.get("/?customer=beta")
            #expect(Self.rows(beta, "<tr id=\"ticket-") == 30 && !beta.text.contains("acme 1"))
            let yellow = try await browser.get("/?code=YELLOW&page=1")
            #expect(Self.rows(yellow, "<tr id=\"ticket-") == 44 && yellow.text.contains("44 open"))
            #expect(try await browser.get("/?code=PURPLE").status == 400)
        }
    }

    @Test func theCountdownCarriesItsDeadlineAndBreachesShowRed() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            let seconds = Int(ticket.deadline.timeIntervalSince(api.clock.now))
            let iso = ticket.deadline.formatted(.iso8601)
            let page = try await browser.get("/")
            #expect(!page.text.contains("href=\"/tickets/\(ticket.id)\""), "a viewer gets no link to a page it may not open")
            let manager = try await DashboardBrowser.loggedIn(api, base: base, as: .manager)
            #expect(try await manager.get("/").text.contains("<a href=\"/tickets/\(ticket.id)\">site down</a>"))
            #expect(page.text.contains("<time class=\"countdown\" datetime=\"\(iso)\" data-left=\"\(seconds)\">15m 0s left</time>"), "\(page.text)")
            #expect(page.text.contains("setInterval(tick, 1000)") && page.text.contains("15000"), "the ticking and polling script")
            api.clock.advance(by: .seconds(seconds + 125))
            let late = try await browser.get("/")
            #expect(late.text.contains("<tr id=\"ticket-\(ticket.id)\" class=\"breached\">"))
            #expect(late.text.contains("overdue by 2m 5s"))
        }
    }

    @Test func theBoardIsPagedAndFilteredWithSparklines() async throws {
        let many = "customer: acme\nsites:\n" + (0..<130).map { "  - name: s\(String(format: "%03d", $0))\n    url: http://127.0.0.1:9/\($0)\n" }.joined()
        let beta = "customer: beta\nsites:\n  - name: www\n    url: http://127.0.0.1:9/\n"
        let api = try await APIHarness(probeFiles: ["acme.yml": many, "beta.yml": beta])
        let now = api.clock.now
        try await api.store.record([
            ProbeResult(checkID: "acme/s005/http", startedAt: now.addingTimeInterval(-10), outcome: .down, reason: "connection refused"),
            ProbeResult(checkID: "acme/s120/http", startedAt: now.addingTimeInterval(-10), outcome: .down, reason: "connection refused"),
            ProbeResult(checkID: "acme/s001/http", startedAt: now.addingTimeInterval(-10), outcome: .up, reason: "HTTP 200"),
        ])
        let hours = (1...3).map { offset in
            var latency = LatencyHistogram()
            latency.record(0.1 * Double(offset))
            return Rollup(checkID: "acme/s001/http", start: Rollup.hour(of: now).addingTimeInterval(-Double(offset) * 3600), probes: 60, latency: latency)
        }
        #expect(try await api.store.saveRollups(hours, from: nil, to: Rollup.hour(of: now)))
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            let first = try await browser.get("/sites")
            #expect(Self.rows(first, "<td>acme/") == 100 && first.text.contains("131 checks, page 1 of 2"))
            #expect(Self.rows(first, "<polyline") == 1, "one check has roll-ups")
            #expect(first.text.contains("<span class=\"up\">up</span>"))
            let second = try await browser.get("/sites?page=2")
            #expect(Self.rows(second, "<td>acme/") == 30 && Self.rows(second, "<td>beta/") == 1)
            let down = try await browser.get("/sites?status=down")
            #expect(Self.rows(down, "<tr>\n<td>") == 2 && down.text.contains("acme/s120/http") && down.text.contains("connection refused"))
            let betaOnly = try await browser.get("/sites?customer=beta")
            #expect(Self.rows(betaOnly, "<tr>\n<td>") == 1 && betaOnly.text.contains("<span class=\"unknown\">unknown</span>"))
        }
    }
}
