import Foundation
import Testing
import TriageTesting

/// `triage report … --format html` through the executable on a real store: a single report is
/// a whole page holding just its part, and `--output` replaces its file atomically.
@Suite(.serialized)
struct HTMLReportCommandTests {
    @Test func aSingleReportIsAPageWithItsPartWrittenWhereAsked() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let store = ["--store", workspace.storePath]
        for summary in ["<b>restore</b> the shop", "restore the blog"] {
            let opened = try workspace.triage.run(
                ["tickets", "open", "--case", "restore-database-backup", "--customer", "acme", "--summary", summary, "--by", "ana"] + store
            )
            #expect(opened.status == 0, "\(opened.stderr)")
        }
        try FileManager.default.createDirectory(at: workspace.root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try workspace.write("an older report", to: "reports/tickets.html")

        let written = try workspace.triage.run(["report", "tickets", "--format", "html", "--output", "reports/tickets.html"] + store)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty, "the page goes to the file only")
        #expect(written.stderr.contains("wrote \(workspace.root.appendingPathComponent("reports/tickets.html").path)"), "\(written.stderr)")
        let page = workspace.read("reports/tickets.html")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        let bars = SVGQuery(markup: page).charts("incidents-per-code").first?.elements("rect", matching: ["class": "bar"])
        #expect(bars?.map { $0["data-value"] } == ["2", "0", "0", "0"])
        #expect(page.contains("&lt;b&gt;restore&lt;/b&gt; the shop"))
        #expect(!page.contains("<section id=\"deadlines\"") && !page.contains("<section id=\"uptime\""))
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("reports").path)
        #expect(left == ["tickets.html"], "the temporary file was renamed over the old one")

        let printed = try workspace.triage.run(["report", "deadlines", "--format", "html"] + store)
        #expect(printed.status == 0 && printed.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(SVGQuery(markup: printed.stdout).charts("deadline-attainment").count == 1)

        let missing = try workspace.triage.run(["report", "fees", "--format", "html", "--output", "nowhere/fees.html"] + store)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot write the report to nowhere/fees.html"), "\(missing.stderr)")
    }
}
