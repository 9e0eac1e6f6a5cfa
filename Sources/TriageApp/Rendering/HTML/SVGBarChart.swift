/// Vertical bars, one per label, each as tall as its value against the largest, with the value
/// written above it: how many of a thing each category had.
///
/// ```swift
/// SVGBarChart(frame: frame, bars: [.init(label: "RED", value: 3, colour: "#c62828")]).render()
/// ```
public struct SVGBarChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var colour: String

        public init(label: String, value: Double, colour: String) {
            self.label = label
            self.value = value
            self.colour = colour
        }
    }

    public var frame: SVGFrame
    public var bars: [Bar]

    /// Room above the bars for their values, and below for their labels.
    static let top = 20.0
    static let bottom = 24.0

    public init(frame: SVGFrame, bars: [Bar]) {
        self.frame = frame
        self.bars = bars
    }

    /// The tallest bar's height: the plot area between the value and label rows.
    public var plotHeight: Double { frame.height - Self.top - Self.bottom }

    /// The height of a bar of `value`: proportional, the largest value filling the plot; zero
    /// for every bar when all values are zero.
    public func height(of value: Double) -> Double {
        let largest = bars.map(\.value).max() ?? 0
        return largest > 0 ? max(0, value) / largest * plotHeight : 0
    }

    public func render() -> String {
        guard !bars.isEmpty else { return frame.noData() }
        let slot = frame.width / Double(bars.count)
        let width = min(slot * 0.6, 80)
        let baseline = frame.height - Self.bottom
        var svg = "<line x1=\"0\" y1=\"\(HTMLText.number(baseline))\" x2=\"\(HTMLText.number(frame.width))\" y2=\"\(HTMLText.number(baseline))\" stroke=\"\(ChartPalette.axis)\"/>"
        for (index, bar) in bars.enumerated() {
            let height = height(of: bar.value)
            let centre = slot * (Double(index) + 0.5)
            let value = HTMLText.number(bar.value)
            svg += "<rect class=\"bar\" data-label=\"\(HTMLText.escape(bar.label))\" data-value=\"\(value)\""
                + " x=\"\(HTMLText.number(centre - width / 2))\" y=\"\(HTMLText.number(baseline - height))\""
                + " width=\"\(HTMLText.number(width))\" height=\"\(HTMLText.number(height))\" fill=\"\(bar.colour)\""
                + " stroke=\"\(ChartPalette.axis)\" stroke-width=\"0.5\"><title>\(HTMLText.escape(bar.label)): \(value)</title></rect>"
            svg += "<text x=\"\(HTMLText.number(centre))\" y=\"\(HTMLText.number(baseline - height - 5))\" text-anchor=\"middle\""
                + " font-weight=\"bold\">\(value)</text>"
            svg += "<text x=\"\(HTMLText.number(centre))\" y=\"\(HTMLText.number(baseline + 16))\" text-anchor=\"middle\">\(HTMLText.escape(bar.label))</text>"
        }
        return frame.render(svg)
    }
}
