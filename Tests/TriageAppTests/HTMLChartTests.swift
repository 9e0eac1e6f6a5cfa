import Foundation
import Testing
import TriageApp

/// The SVG chart primitives on known inputs: their geometry, their accessible frame, and the
/// note they show instead of an empty chart.
struct HTMLChartTests {
    let frame = SVGFrame(name: "test-chart", title: "A <test> chart", width: 400, height: 200)
    let day0 = Date(timeIntervalSince1970: 1_793_577_600)
    func days(_ count: Int) -> [Date] { (0..<count).map { day0.addingTimeInterval(Double($0) * 86_400) } }

    @Test func everyChartHasAnAccessibleNamedFrame() {
        let charts = [
            SVGBarChart(frame: frame, bars: [.init(label: "a", value: 1, colour: "#000")]).render(),
            SVGLineChart(frame: frame, days: days(2), series: [.init(name: "p50", colour: "#000", values: [1, 2])], format: { "\($0)" }).render(),
            SVGDayGrid(name: "test-chart", title: "A <test> chart", width: 400, days: days(1), rows: [.init(label: "s", cells: [1])]).render(),
            SVGStackedBars(name: "test-chart", title: "A <test> chart", width: 400, segments: [.init("met", colour: "#0f0")],
                           rows: [.init(label: "RED", counts: [1], note: "")]).render(),
            frame.noData(),
        ]
        for svg in charts {
            let root = SVGQuery(markup: svg).elements("svg").first ?? [:]
            #expect(root["role"] == "img" && root["data-chart"] == "test-chart")
            #expect(root["aria-label"] == "A &lt;test&gt; chart")
            #expect(svg.contains("<title>A &lt;test&gt; chart</title>"))
            #expect(root["viewBox"]?.hasPrefix("0 0 400 ") == true, "scales to its box through viewBox")
        }
    }

    @Test func aBarIsAsTallAsItsValueAgainstTheLargest() {
        let chart = SVGBarChart(frame: frame, bars: [4, 2, 1, 0].enumerated().map { .init(label: "c\($0.offset)", value: $0.element, colour: "#c00") })
        let bars = SVGQuery(markup: chart.render()).elements("rect", matching: ["class": "bar"])
        let plot = chart.plotHeight
        #expect(plot == 200 - 20 - 24)
        #expect(bars.map { SVGQuery.number($0, "height") } == [plot, plot / 2, plot / 4, 0])
        #expect(bars.map { $0["data-value"] } == ["4", "2", "1", "0"])
        let baseline = 200.0 - 24
        #expect(bars.allSatisfy { SVGQuery.number($0, "y") + SVGQuery.number($0, "height") == baseline }, "all stand on one baseline")
        let xs = bars.map { SVGQuery.number($0, "x") }
        #expect(xs == xs.sorted() && Set(bars.map { $0["width"] }).count == 1, "equal widths, left to right")
        let zeros = SVGBarChart(frame: frame, bars: [.init(label: "x", value: 0, colour: "#c00")])
        #expect(zeros.height(of: 0) == 0, "all zero: flat bars, not a division by zero")
    }

    @Test func aLineGoesThroughItsPointsAndBreaksWhereADayHasNoValue() throws {
        let chart = SVGLineChart(
            frame: frame, days: days(4), series: [.init(name: "p95", colour: "#00c", values: [0.2, 0.4, nil, 0.35])],
            format: { "\($0)" }
        )
        #expect(chart.tickStep == 0.1 && chart.axisMaximum == 0.4)
        let path = try #require(SVGQuery(markup: chart.render()).elements("path", matching: ["class": "line"]).first)
        let plotWidth = 400 - 52.0 - 22
        let plotHeight = 200 - 10.0 - 22 - 18
        let x = { (column: Double) in HTMLText.number(52 + column / 3 * plotWidth) }
        let y = { (value: Double) in HTMLText.number(10 + plotHeight * (1 - value / 0.4)) }
        #expect(path["d"] == "M\(x(0)) \(y(0.2)) L\(x(1)) \(y(0.4)) M\(x(3)) \(y(0.35))")
        #expect(SVGQuery(markup: chart.render()).elements("circle", matching: ["class": "point"]).count == 3)
        let ticks = SVGQuery(markup: chart.render()).elements("line", matching: ["class": "grid"])
        #expect(ticks.count == 5, "0, 0.1, 0.2, 0.3 and 0.4")
    }

    @Test func tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        func step(_ largest: Double) -> Double {
            SVGLineChart(frame: frame, days: days(1), series: [.init(name: "s", colour: "#000", values: [largest])], format: { "\($0)" }).tickStep
        }
        #expect(step(1.3) == 0.5)
        #expect(step(0.9) == 0.2)
        #expect(step(0.045) == 0.01)
        #expect(step(12) == 5)
    }

    @Test func aDayGridHasACellPerSiteAndDayColouredByItsUptime() {
        let grid = SVGDayGrid(
            name: "g", title: "g", width: 420, days: days(3),
            rows: [.init(label: "acme/www", cells: [1, 0.995, nil]), .init(label: "acme/shop-with-a-very-long-name", cells: [0.5, 0.96, 0.9995])]
        )
        let cells = SVGQuery(markup: grid.render()).elements("rect", matching: ["class": "cell"])
        #expect(cells.count == 6)
        #expect(cells.map { $0["fill"] } == ["#1b7a3a", "#7cc46f", ChartPalette.unknown, "#c62828", "#f2c037", "#1b7a3a"])
        #expect(grid.cellWidth == 100)
        #expect(cells.map { SVGQuery.number($0, "x") }.prefix(3) == [120, 220, 320])
        #expect(grid.render().contains("acme/shop-with-a-…</text>"), "a long label is shortened in the drawing")
        #expect(grid.render().contains("<title>acme/shop-with-a-very-long-name</title>"), "and whole in its tooltip")
    }

    @Test func stackedSegmentsShareTheTrackByTheirCounts() {
        let chart = SVGStackedBars(
            name: "s", title: "s", width: 366, segments: [.init("met", colour: "#0f0"), .init("breached", colour: "#f00"), .init("moot", colour: "#999")],
            rows: [.init(label: "RED", counts: [2, 1, 1], note: "met 67%"), .init(label: "WHITE", counts: [0, 0, 0], note: "no tickets")]
        )
        #expect(chart.trackWidth == 200)
        let segments = SVGQuery(markup: chart.render()).elements("rect", matching: ["class": "segment"])
        #expect(segments.map { SVGQuery.number($0, "width") } == [100, 50, 50])
        #expect(segments.map { SVGQuery.number($0, "x") } == [70, 170, 220], "each segment starts where the last ended")
        #expect(SVGQuery(markup: chart.render()).elements("rect", matching: ["class": "track"]).count == 2, "an empty row keeps its track")
        #expect(chart.render().contains(">met 67%</text>"))
    }

    @Test func emptyDataShowsANoteInsteadOfAChart() {
        let empty = [
            SVGBarChart(frame: frame, bars: []).render(),
            SVGLineChart(frame: frame, days: days(3), series: [.init(name: "p50", colour: "#000", values: [nil, nil, nil])], format: { "\($0)" }).render(),
            SVGLineChart(frame: frame, days: [], series: [], format: { "\($0)" }).render(),
            SVGDayGrid(name: "test-chart", title: "t", width: 400, days: days(3), rows: []).render(),
            SVGStackedBars(name: "test-chart", title: "t", width: 400, segments: [], rows: []).render(),
        ]
        for svg in empty {
            let query = SVGQuery(markup: svg)
            #expect(query.charts("test-chart").count == 1)
            #expect(query.elements("text", matching: ["class": "no-data"]).count == 1)
            #expect(query.elements("rect").isEmpty && query.elements("path").isEmpty, "no empty axes or bars: \(svg)")
            #expect(svg.contains("No data for this period"))
        }
    }

    @Test func textIsEscapedAndNumbersAreWrittenTheSameEverywhere() {
        #expect(HTMLText.escape("<a href=\"x\">O'Hare & co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Hare &amp; co&lt;/a&gt;")
        #expect(HTMLText.escape("café ✓ 🚀 <b>") == "café ✓ 🚀 &lt;b&gt;")
        #expect(HTMLText.escape("customer-001/site-0001") == "customer-001/site-0001")
        #expect([12.5, 40, 0.004, -0.001, 1.0 / 3].map(HTMLText.number) == ["12.5", "40", "0", "0", "0.33"])
        #expect(HTMLText.percent(0.99951) == "99.95%" && HTMLText.percent(nil) == "no data")
        #expect(HTMLText.latency(0.1234) == "123 ms" && HTMLText.latency(1.5) == "1.50 s")
        #expect(HTMLText.shortDay(day0) == "11-02")
    }

    @Test func coordinatesHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        let cases: [(Double, String)] = [
            (12.5, "12.5"), (40, "40"), (0.05, "0.05"), (1.254, "1.25"), (1.256, "1.26"), (-3.1, "-3.1"), (-0.001, "0"),
            (0, "0"), (99.999, "100"), (-12.07, "-12.07"),
        ]
        for (value, text) in cases {
            #expect(HTMLText.number(value) == text, "\(value)")
        }
    }
}
