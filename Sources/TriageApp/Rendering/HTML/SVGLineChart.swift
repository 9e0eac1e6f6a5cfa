import Foundation

/// Lines over days, one per series, on a value axis from zero with labelled ticks: how a
/// figure (a response-time percentile) moved over a period. A day without a value breaks its
/// line rather than drawing a slope nobody measured.
public struct SVGLineChart: Sendable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var colour: String
        /// One value per column day; nil where there is none.
        public var values: [Double?]

        public init(name: String, colour: String, values: [Double?]) {
            self.name = name
            self.colour = colour
            self.values = values
        }
    }

    public let frame: SVGFrame
    public let days: [Date]
    public let series: [Series]
    /// Writes a tick's value (`250 ms`).
    public let format: @Sendable (Double) -> String
    /// 1, 2 or 5 times a power of ten, so the axis has at most five steps above zero.
    public let tickStep: Double
    /// The axis' top: the largest value rounded up to a whole number of ``tickStep``s.
    public let axisMaximum: Double
    /// Each column's day as its axis and tooltips write it, formatted once per chart.
    private let dayLabels: [String]

    static let left = 52.0
    static let right = 22.0
    static let top = 10.0
    static let bottom = 22.0 + SVGLegend.height

    /// The scale is worked out here, once: every point drawn depends on it.
    public init(frame: SVGFrame, days: [Date], series: [Series], format: @escaping @Sendable (Double) -> String) {
        self.frame = frame
        self.days = days
        self.series = series
        self.format = format
        dayLabels = days.map(HTMLText.shortDay)
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        tickStep = Self.step(largest: largest)
        axisMaximum = max(tickStep, (largest / tickStep).rounded(.up) * tickStep)
    }

    private static func step(largest: Double) -> Double {
        guard largest > 0 else { return 1 }
        let rough = largest / 5
        let power = pow(10, (log10(rough)).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
    }

    /// Where the value of column `column` is drawn, in user units.
    public func point(column: Int, value: Double) -> (x: Double, y: Double) {
        let plotWidth = frame.width - Self.left - Self.right
        let plotHeight = frame.height - Self.top - Self.bottom
        let x = days.count > 1 ? Self.left + Double(column) / Double(days.count - 1) * plotWidth : Self.left + plotWidth / 2
        return (x, Self.top + plotHeight * (1 - value / axisMaximum))
    }

    public func render() -> String {
        guard !days.isEmpty, series.contains(where: { $0.values.contains { $0 != nil } }) else { return frame.noData() }
        var svg = axes()
        for line in series {
            var path: [String] = []
            var dots = ""
            var previous = false
            for (column, value) in line.values.enumerated() {
                guard let value, column < days.count else {
                    previous = false
                    continue
                }
                let (x, y) = point(column: column, value: value)
                path.append("\(previous ? "L" : "M")\(HTMLText.number(x)) \(HTMLText.number(y))")
                dots += "<circle class=\"point\" cx=\"\(HTMLText.number(x))\" cy=\"\(HTMLText.number(y))\" r=\"2\" fill=\"\(line.colour)\">"
                    + "<title>\(HTMLText.escape(line.name)) \(dayLabels[column]): \(HTMLText.escape(format(value)))</title></circle>"
                previous = true
            }
            svg += "<g data-series=\"\(HTMLText.escape(line.name))\"><path class=\"line\" d=\"\(path.joined(separator: " "))\""
                + " fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\(dots)</g>"
        }
        let legend = SVGLegend(series.map { SVGLegend.Entry($0.name, colour: $0.colour) })
        return frame.render(svg + legend.render(x: Self.left, y: frame.height - SVGLegend.height))
    }

    /// The value axis with its ticks and grid lines, and the day axis with as many day labels as fit.
    private func axes() -> String {
        let step = tickStep
        let bottom = frame.height - Self.bottom
        var svg = ""
        for tick in stride(from: 0, through: axisMaximum + step / 2, by: step) {
            let y = HTMLText.number(point(column: 0, value: tick).y)
            svg += "<line class=\"grid\" x1=\"\(HTMLText.number(Self.left))\" y1=\"\(y)\" x2=\"\(HTMLText.number(frame.width - Self.right))\" y2=\"\(y)\""
                + " stroke=\"\(ChartPalette.grid)\"/>"
            svg += "<text class=\"tick\" x=\"\(HTMLText.number(Self.left - 4))\" y=\"\(y)\" dy=\"3\" text-anchor=\"end\">\(HTMLText.escape(format(tick)))</text>"
        }
        svg += "<line class=\"axis\" x1=\"\(HTMLText.number(Self.left))\" y1=\"\(HTMLText.number(Self.top))\" x2=\"\(HTMLText.number(Self.left))\""
            + " y2=\"\(HTMLText.number(bottom))\" stroke=\"\(ChartPalette.axis)\"/>"
        svg += "<line class=\"axis\" x1=\"\(HTMLText.number(Self.left))\" y1=\"\(HTMLText.number(bottom))\" x2=\"\(HTMLText.number(frame.width - Self.right))\""
            + " y2=\"\(HTMLText.number(bottom))\" stroke=\"\(ChartPalette.axis)\"/>"
        let plotWidth = frame.width - Self.left - Self.right
        let every = max(1, Int((44 / (plotWidth / Double(max(days.count - 1, 1)))).rounded(.up)))
        for column in stride(from: 0, to: days.count, by: every) {
            let x = HTMLText.number(point(column: column, value: 0).x)
            svg += "<text class=\"tick\" x=\"\(x)\" y=\"\(HTMLText.number(bottom + 14))\" text-anchor=\"middle\">\(dayLabels[column])</text>"
        }
        return svg
    }
}
