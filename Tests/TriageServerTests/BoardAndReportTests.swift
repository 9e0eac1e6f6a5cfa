import Foundation
import Testing
import TicketStore
import TriageCore
import TriageServer

/// The board (queue, sites) and the reports over HTTP, and a `<script>` summary kept inert in
/// JSON and HTML alike.
@Suite("API board and reports", .serialized)
struct BoardAndReportTests {
    static let script = "<script>alert(1)</script>"

    @Test func queueAndSitesForViewers() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file()
        try await api.store.record([
            ProbeResult(checkID: "acme/www/http", startedAt: api.clock.now.addingTimeInterval(-30), outcome: .down, failure: .connectionRefused,
                        reason: "connection refused", statusCode: nil, timings: PhaseTimings(total: 0.01))
        ])
        try await api.whileServing { base in
            let queue = try await api.send("GET", base + "/api/v1/queue", as: .viewer)
            let entries = try #require((queue.json as? [String: Any])?["queue"] as? [[String: Any]], "\(queue.text)")
            #expect((entries.first?["ticket"] as? [String: Any])?["id"] as? Int == Int(ticket.id))
            let sites = try await api.send("GET", base + "/api/v1/sites", as: .viewer)
            let checks = try #require(sites.json as? [[String: Any]], "\(sites.text)")
            #expect(checks.count == 1)
            #expect(checks.first?["check"] as? String == "acme/www/http")
            #expect(checks.first?["status"] as? String == "down")
            #expect(checks.first?["reason"] as? String == "connection refused")
        }
    }

    /// The queue comes a page at a time, most urgent first, positions counted over the whole
    /// queue, `next` linking to the rest with the filters kept, until it is null.
    @Test func theQueueIsPagedAndFiltered() async throws {
        let api = try await APIHarness()
        let yellow = try await api.file(summary: "slow", code: .yellow)
        let red = try await api.file(summary: "down")
        let globex = try await api.file(summary: "globex down", customer: "globex", target: "globex/shop")
        try await api.whileServing { base in
            let first = try #require(try await api.send("GET", base + "/api/v1/queue?limit=2", as: .viewer).json as? [String: Any])
            #expect(first["total"] as? Int == 3)
            let firstEntries = try #require(first["queue"] as? [[String: Any]])
            #expect(firstEntries.map { ($0["ticket"] as? [String: Any])?["id"] as? Int } == [Int(red.id), Int(globex.id)])
            #expect(firstEntries.map { $0["position"] as? Int } == [1, 2])
            let next = try #require(first["next"] as? String)
            #expect(next == "/api/v1/queue?limit=2&offset=2")
            let second = try #require(try await api.send("GET", base + next, as: .viewer).json as? [String: Any])
            let secondEntries = try #require(second["queue"] as? [[String: Any]])
            #expect(secondEntries.map { ($0["ticket"] as? [String: Any])?["id"] as? Int } == [Int(yellow.id)])
            #expect(secondEntries.map { $0["position"] as? Int } == [3])
            #expect(second["next"] is NSNull)
            let filtered = try #require(
                try await api.send("GET", base + "/api/v1/queue?customer=acme&code=yellow,white", as: .viewer).json as? [String: Any]
            )
            #expect(filtered["total"] as? Int == 1)
            let bad = try await api.send("GET", base + "/api/v1/queue?limit=501", as: .viewer)
            #expect(bad.status == 400, "\(bad.text)")
        }
    }

    /// A result older than three of its check's intervals says nothing about now: `unknown`.
    @Test func aStaleResultLeavesTheCheckUnknown() async throws {
        let api = try await APIHarness()
        try await api.store.record([
            ProbeResult(checkID: "acme/www/http", startedAt: api.clock.now.addingTimeInterval(-1), outcome: .up, reason: "HTTP 200")
        ])
        api.clock.advance(by: .seconds(3600))
        try await api.whileServing { base in
            let sites = try await api.send("GET", base + "/api/v1/sites", as: .viewer)
            let checks = try #require(sites.json as? [[String: Any]], "\(sites.text)")
            #expect(checks.map { $0["status"] as? String } == ["unknown"], "\(sites.text)")
        }
    }

    @Test func aScriptInASummaryStaysText() async throws {
        let api = try await APIHarness()
        let ticket = try await api.file(summary: Self.script)
        api.clock.advance(by: .seconds(60))
        try await api.whileServing { base in
            let shown = try await api.send("GET", base + "/api/v1/tickets/\(ticket.id)", as: .manager)
            #expect(shown.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(shown.header("X-Content-Type-Options") == "nosniff")
            #expect(shown.object["summary"] as? String == Self.script, "the JSON string decodes to the text as typed")
            let html = try await api.send("GET", base + "/api/v1/reports?part=tickets&format=html&from=2027-01-01&to=2027-02-01", as: .manager)
            #expect(html.status == 200, "\(html.text)")
            #expect(html.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(html.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the summary is escaped in the page")
            #expect(!html.text.contains(Self.script))
        }
    }

    @Test func reportsInEachFormat() async throws {
        let api = try await APIHarness()
        _ = try await api.file()
        api.clock.advance(by: .seconds(60))
        try await api.whileServing { base in
            let url = base + "/api/v1/reports?from=2027-01-01&to=2027-02-01"
            let json = try await api.send("GET", url + "&part=deadlines", as: .manager)
            #expect(json.status == 200, "\(json.text)")
            #expect(json.json is [String: Any])
            let csv = try await api.send("GET", url + "&part=tickets&format=csv", as: .manager)
            #expect(csv.status == 200 && csv.header("Content-Type")?.hasPrefix("text/csv") == true, "\(csv.text)")
            #expect(csv.text.contains(","))
            let whole = try await api.send("GET", url, as: .manager)
            for part in ["uptime", "responseTimes", "tickets", "deadlines", "fees"] {
                #expect(whole.object.keys.contains(part), "the full report has \(part)")
            }
            let csvOfAll = try await api.send("GET", url + "&format=csv", as: .manager)
            #expect(csvOfAll.status == 400 && csvOfAll.object["field"] as? String == "part")
            let badDay = try await api.send("GET", base + "/api/v1/reports?from=yesterday", as: .manager)
            #expect(badDay.status == 400 && badDay.object["field"] as? String == "from")
        }
    }
}
