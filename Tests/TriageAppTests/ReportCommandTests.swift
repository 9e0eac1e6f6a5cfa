import Foundation
import SQLiteStore
import Testing
import TriageCore
import TriageTesting

/// `triage report` through the executable on a real store: tickets filed, taken and resolved
/// with the desk commands, then reported as text, CSV and JSON, each parsed back.
@Suite(.serialized)
struct ReportCommandTests {
    @Test func deadlinesAndFeesOfTheDesksWorkAreReported() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let store = ["--store", workspace.storePath]
        func desk(_ arguments: [String]) throws -> String {
            let output = try workspace.triage.run(arguments + store + ["--by", "ana"])
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return output.stdout
        }
        for customer in ["acme", "acme", "globex"] {
            _ = try desk(["tickets", "open", "--case", "restore-database-backup", "--customer", customer, "--summary", "restore"])
        }
        _ = try desk(["tickets", "open", "--case", "pagespeed-optimisation", "--customer", "acme", "--summary", "faster"])
        for id in ["1", "2", "3"] {
            _ = try desk(["tickets", "take", id])
            _ = try desk(["tickets", "resolve", id, "--cause", "provider", "--note", "restored"])
        }

        let csv = try workspace.triage.run(["report", "deadlines", "--format", "csv", "--period", "day"] + store)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first?.prefix(7) == ["code", "tickets", "met", "breached", "moot", "pending", "taken_early"])
        let red = try #require(rows.first { $0.first == "RED" })
        #expect(Array(red[1...6]) == ["3", "3", "0", "0", "0", "0"])
        #expect(red[7] == "1.0000")
        let green = try #require(rows.first { $0.first == "GREEN" })
        #expect(Array(green[1...6]) == ["1", "0", "0", "0", "1", "0"])

        let fees = try workspace.triage.run(["report", "fees", "--format", "json"] + store)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(fees.stdout.utf8)) as? [String: Any])
        let lines = try #require(report["lines"] as? [[String: Any]])
        #expect(lines.map { $0["customer"] as? String } == ["acme", "globex"])
        #expect((lines[0]["total"] as? [String: String])?["amount"] == "80.00")
        #expect((lines[1]["total"] as? [String: String])?["amount"] == "40.00")
        #expect((report["openItems"] as? [Any])?.isEmpty == true, "the on-quote ticket is not resolved yet")

        let text = try workspace.triage.run(["report", "fees", "--customer", "acme"] + store)
        #expect(text.stdout.contains("acme      restore-database-backup  2        80.00 EUR"), "\(text.stdout)")
        let counts = try workspace.triage.run(["report", "tickets", "--format", "csv"] + store)
        let countRows = counts.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(countRows.contains { Array($0.prefix(6)) == ["counts", "RED", "restore-database-backup", "manual", "3", "0"] }, "\(counts.stdout)")
        #expect(countRows.filter { $0.first == "red" }.map { $0[7] } == ["1", "2", "3"])
        let timelines = try workspace.triage.run(["report", "tickets", "--format", "json"] + store)
        let ticketReport = try #require(try JSONSerialization.jsonObject(with: Data(timelines.stdout.utf8)) as? [String: Any])
        let firstRed = try #require((ticketReport["red"] as? [[String: Any]])?.first)
        let steps = try #require(firstRed["timeline"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String } == ["opened", "taken", "resolved"])
        #expect(steps.map { $0["actor"] as? String } == ["ana", "ana", "ana"])
        let timelineText = try workspace.triage.run(["report", "tickets"] + store)
        #expect(timelineText.stdout.contains("#1 restore\nAT "), "each RED ticket's timeline under its id: \(timelineText.stdout)")
        let wrong = try workspace.triage.run(["report", "fees", "--from", "yesterday"] + store)
        #expect(wrong.status != 0 && wrong.stderr.contains("--from yesterday is not a date"))
    }

    /// Two hours of a site's results written by minute (half an hour of them down) and none for
    /// another site, then `triage report uptime` over the last day: the period starts mid-hour and
    /// ends now, so the figures come from the edges' results and the rolled-up hours together.
    @Test func uptimeAndResponseTimesOfStoredResultsAreReportedAsCSVAndJSON() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("""
            customer: acme
            sites:
              - {name: shop, url: "http://127.0.0.1:9/"}
              - {name: blog, url: "http://127.0.0.1:9/"}
            """, to: "probes/acme.yml")
        let store = try SQLiteTicketStore(path: workspace.storePath)
        try await store.migrate()
        let first = Date().addingTimeInterval(-3 * 3600)
        try await store.record((0..<120).map { minute in
            let down = (30..<60).contains(minute)
            return ProbeResult(
                checkID: "acme/shop/http", startedAt: first.addingTimeInterval(Double(minute) * 60),
                outcome: down ? .down : .up, failure: down ? .serverError : nil, reason: down ? "HTTP 502" : "HTTP 200",
                timings: PhaseTimings(total: minute % 10 == 0 ? 1.0 : 0.1)
            )
        })
        let arguments = ["--store", workspace.storePath, "--period", "day"]

        let csv = try workspace.triage.run(["report", "uptime", "--format", "csv"] + arguments)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["table", "customer", "site", "day", "uptime", "up_s", "degraded_s", "down_s", "maintenance_s", "unknown_s"])
        let shop = try #require(rows.first { $0.prefix(3) == ["sites", "acme", "acme/shop"] })
        // 90 up results, each standing a minute but the last, which stands its two intervals.
        #expect(Array(shop[4...7]) == ["0.752066", "5460", "0", "1800"], "\(shop)")
        let blog = try #require(rows.first { $0.prefix(3) == ["sites", "acme", "acme/blog"] })
        #expect(blog[4] == "" && blog[9] == "86400", "no data is unknown, with no uptime: \(blog) \(csv.stdout)")

        let json = try workspace.triage.run(["report", "response-times", "--format", "json"] + arguments)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let checks = try #require(report["rows"] as? [[String: Any]])
        #expect(checks.map { $0["checkID"] as? String } == ["acme/blog/http", "acme/shop/http"])
        let latency = try #require(checks[1]["latency"] as? [String: Double])
        #expect(latency["samples"] == 90)
        #expect(abs(latency["p50"]! - 0.1) < 0.002 && abs(latency["p95"]! - 1.0) < 0.02, "\(latency)")
        #expect(checks[0]["latency"] == nil, "no answer, no percentiles")

        let text = try workspace.triage.run(["report"] + arguments)
        #expect(text.status == 0, "\(text.stderr)")
        for heading in ["Uptime from", "Response times from", "Tickets opened from", "Tickets resolved from"] {
            #expect(text.stdout.contains(heading), "the full report has its \(heading) part")
        }
        #expect(text.stdout.contains("acme/shop  1       75.207%"), "\(text.stdout)")
        let page = workspace.root.appendingPathComponent("report.html").path
        let html = try workspace.triage.run(["report", "--format", "html", "--output", page] + arguments)
        #expect(html.status == 0, "\(html.stderr)")
        let written = try String(contentsOfFile: page, encoding: .utf8)
        for chart in ["uptime-per-day", "percentiles-over-time", "incidents-per-code", "deadline-attainment"] {
            #expect(written.contains("data-chart=\"\(chart)\""), "the full page has the \(chart) chart")
        }
        let refused = try workspace.triage.run(["report", "--format", "csv"] + arguments)
        #expect(refused.status != 0 && refused.stderr.contains("for CSV, ask for one"))
    }

    /// On a terminal (a pseudo-terminal made by `script`), a report shows its progress on one
    /// line redrawn in place and clears it; through a pipe, it prints no progress at all.
    @Test func progressIsShownOnATerminalOnly() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("""
            customer: acme
            sites:
              - {name: shop, url: "http://127.0.0.1:9/"}
              - {name: blog, url: "http://127.0.0.1:9/"}
            """, to: "probes/acme.yml")
        let report = ["report", "uptime", "--store", workspace.storePath, "--period", "day"]
        let piped = try workspace.triage.run(report)
        #expect(piped.status == 0 && !piped.stderr.contains("Reading checks"), "\(piped.stderr)")

        let command = ([try TriageProcess.executable().path] + report).map { "'\($0)'" }.joined(separator: " ")
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-q", "-e", "-c", command + " >/dev/null", "/dev/null"]
        terminal.currentDirectoryURL = workspace.root
        let output = Pipe()
        terminal.standardOutput = output
        try terminal.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(terminal.terminationStatus == 0, "\(shown)")
        #expect(shown.contains("\r\u{1B}[KReading checks: 2/2 checks (100%)"), "\(shown.debugDescription)")
        #expect(shown.hasSuffix("\r\u{1B}[K"), "the line is cleared before the report: \(shown.debugDescription)")
    }
}
