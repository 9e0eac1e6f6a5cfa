import Foundation
import Testing
import TriageApp
import TriageCore
import TriageTesting

/// The HTML report of a hand-built full ``ManagerReport``: as text (sections, escaping,
/// self-containment, exact amounts), then opened in real headless Chromium: every chart in the
/// rendered DOM with its bars, cells and lines, and screenshots at phone and desktop widths that
/// are not blank. Screenshots are kept in `.build/test-artefacts/` for a person to look at.
@Suite(.serialized)
struct HTMLReportTests {
    let html = HTMLReport().render(ReportFixture.full())

    @Test func everyPartIsASectionAndOnlyThePartsGiven() {
        for id in ["summary", "uptime", "response-times", "tickets", "deadlines", "fees"] {
            #expect(html.contains("<section id=\"\(id)\""), "\(id)")
        }
        let fixture = ReportFixture.full()
        let single = HTMLReport().render(ManagerReport(from: fixture.from, to: fixture.to, generatedAt: fixture.generatedAt, fees: fixture.fees))
        #expect(single.contains("<section id=\"fees\"") && single.contains("<section id=\"summary\""))
        for id in ["uptime", "response-times", "tickets", "deadlines"] {
            #expect(!single.contains("<section id=\"\(id)\""), "\(id) is not in a fees-only report")
        }
        #expect(!single.contains("<svg"))
        #expect(html.contains("<dd>2026-11-02T00:00:00 to 2026-11-09T00:00:00</dd>"))
        #expect(html.contains("<dd>all customers</dd>") && html.contains("<dd>2026-11-09T01:00:00</dd>"))
    }

    @Test func dataIsEscapedSoAScriptInASummaryIsInert() {
        #expect(!html.lowercased().contains("<script"), "no script element at all")
        #expect(html.contains("&lt;script&gt;document.body.innerHTML=&#39;owned&#39;&lt;/script&gt; site down &amp; out"))
    }

    @Test func aRedIncidentsTimelineIsShownUnderItsId() {
        #expect(html.contains("<caption>Timeline of RED incident #1: "))
        #expect(html.contains("<td>taken</td><td>ana</td>"), "each step with who did it")
    }

    @Test func theDocumentFetchesNothing() {
        let lowered = html.lowercased()
        for fetch in ["src=", "href=\"http", "url(", "@import", "<link", "<img", "<iframe"] {
            #expect(!lowered.contains(fetch), "\(fetch)")
        }
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media print") && html.contains("break-inside: avoid"))
    }

    @Test func tablesHoldTheFiguresAsTheTextReportsWriteThem() {
        #expect(html.contains("<td class=\"num\">25.50 EUR</td>"), "the surcharge, exact")
        #expect(html.contains("<td class=\"num\">40.00 EUR</td>"))
        #expect(html.contains("<td>acme/www</td><td>acme</td><td class=\"num\">99.39%</td>"), "\(html)")
        #expect(html.contains("no-incident 30m 0s; provider 1h 30m (1 incident)"))
        #expect(html.contains("<td class=\"num\">0.00%</td>"), "globex/api was down all week")
    }

    /// What the browser built: each chart's elements, counted in the DOM it serialised.
    @Test func chromiumRendersEveryChartWithItsElements() throws {
        let folder = try Self.artefacts()
        let file = folder.appendingPathComponent("report.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let dom = SVGQuery(markup: try HeadlessChromium(folder: folder).dumpDOM(file))
        #expect(dom.elements("script").isEmpty, "the summary's script stayed text")

        let grid = try #require(dom.charts("uptime-per-day").first)
        #expect(grid.elements("rect", matching: ["class": "cell"]).count == 3 * ReportFixture.days)
        #expect(grid.elements("g", matching: ["class": "day-row"]).map { $0["data-label"] } == ["acme/shop", "acme/www", "globex/api"])
        let shopDay6 = grid.elements("rect", matching: ["class": "cell", "data-day": "11-08"]).first
        #expect(shopDay6?["fill"] == ChartPalette.unknown, "nothing observed on the shop's last day: grey")

        let lines = dom.charts("percentiles-over-time")
        #expect(lines.count == 4, "one per check")
        #expect(lines.map { $0.elements("path", matching: ["class": "line"]).count } == [3, 3, 3, 0])
        #expect(lines[3].elements("text", matching: ["class": "no-data"]).count == 1, "globex/api never answered")
        #expect(lines[1].elements("circle", matching: ["class": "point", "fill": ChartPalette.percentiles[2]]).count == ReportFixture.days)

        let bars = try #require(dom.charts("incidents-per-code").first)
        #expect(bars.elements("rect", matching: ["class": "bar"]).map { $0["data-value"] } == ["3", "2", "1", "0"])

        let deadlines = try #require(dom.charts("deadline-attainment").first)
        #expect(deadlines.elements("g", matching: ["class": "stack"]).count == 4)
        let red = deadlines.elements("rect", matching: ["class": "segment"]).prefix(3).map { "\($0["data-segment"] ?? ""):\($0["data-value"] ?? "")" }
        #expect(red == ["met:1", "breached:1", "moot:1"])
    }

    /// What a reader sees: screenshots at a phone's and a desktop's width, each painted.
    @Test(arguments: [(375, 812), (1280, 1600)])
    func chromiumPaintsTheReport(width: Int, height: Int) throws {
        let folder = try Self.artefacts()
        let file = folder.appendingPathComponent("report-\(width).html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let png = folder.appendingPathComponent("report-\(width)x\(height).png")
        try HeadlessChromium(folder: folder).screenshot(file, width: width, height: height, to: png)
        let ink = try ScreenshotInk(png, counting: [ChartPalette.uptimeBands[0].colour])
        #expect(ink.width == width && ink.height == height)
        #expect(ink.background == "#ffffff")
        #expect(ink.ink > 0.03, "a meaningful share of the page is painted: \(ink.ink)")
        #expect(ink.colours > 20, "text and charts, not one flat colour")
        #expect(ink.counts[ChartPalette.uptimeBands[0].colour, default: 0] > 200, "the uptime grid's green days are on screen")
    }

    /// `.build/test-artefacts/html-report/`, kept after the run (git ignores `.build`).
    static func artefacts() throws -> URL {
        try TestArtefacts.folder("html-report")
    }
}
