import Foundation
import Testing
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
        let wrong = try workspace.triage.run(["report", "fees", "--from", "yesterday"] + store)
        #expect(wrong.status != 0 && wrong.stderr.contains("--from yesterday is not a date"))
    }
}
