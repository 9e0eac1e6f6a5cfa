/// Horizontal bars split into segments, one bar per row, each segment as wide as its share of
/// the row's total, with a note after the bar: how a whole divides (deadlines met, breached,
/// moot, pending) where the counts of rows differ too much for one scale.
public struct SVGStackedBars: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var label: String
        /// Counts in the order of the chart's `segments`.
        public var counts: [Int]
        /// Written after the bar, such as `met 67%`.
        public var note: String

        public init(label: String, counts: [Int], note: String) {
            self.label = label
            self.counts = counts
            self.note = note
        }
    }

    public var frame: SVGFrame
    /// The segments' names and colours, in drawing order: also the legend.
    public var segments: [SVGLegend.Entry]
    public var rows: [Row]

    static let labelWidth = 70.0
    static let noteWidth = 96.0
    static let rowHeight = 26.0
    static let barHeight = 16.0

    /// The frame's height follows its rows, so callers give only a width.
    public init(name: String, title: String, width: Double, segments: [SVGLegend.Entry], rows: [Row]) {
        self.segments = segments
        self.rows = rows
        frame = SVGFrame(name: name, title: title, width: width, height: Double(rows.count) * Self.rowHeight + SVGLegend.height + 12)
    }

    /// The full length of a bar.
    public var trackWidth: Double { frame.width - Self.labelWidth - Self.noteWidth }

    /// The widths of a row's segments: each count's share of the row's total, of the track.
    public func widths(of row: Row) -> [Double] {
        let total = row.counts.reduce(0, +)
        return row.counts.map { total > 0 ? Double($0) / Double(total) * trackWidth : 0 }
    }

    public func render() -> String {
        guard !rows.isEmpty else { return frame.noData() }
        var svg = ""
        for (index, row) in rows.enumerated() {
            let y = Double(index) * Self.rowHeight + 4
            let textY = HTMLText.number(y + Self.barHeight - 4)
            svg += "<g class=\"stack\" data-label=\"\(HTMLText.escape(row.label))\">"
            svg += "<text x=\"0\" y=\"\(textY)\">\(HTMLText.escape(row.label))</text>"
            svg += "<rect class=\"track\" x=\"\(HTMLText.number(Self.labelWidth))\" y=\"\(HTMLText.number(y))\" width=\"\(HTMLText.number(trackWidth))\""
                + " height=\"\(HTMLText.number(Self.barHeight))\" fill=\"none\" stroke=\"\(ChartPalette.axis)\" stroke-width=\"0.5\"/>"
            var x = Self.labelWidth
            for (segment, (width, count)) in zip(segments, zip(widths(of: row), row.counts)) where count > 0 {
                svg += "<rect class=\"segment\" data-segment=\"\(HTMLText.escape(segment.label))\" data-value=\"\(count)\""
                    + " x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y))\" width=\"\(HTMLText.number(width))\""
                    + " height=\"\(HTMLText.number(Self.barHeight))\" fill=\"\(segment.colour)\">"
                    + "<title>\(HTMLText.escape(row.label)) \(HTMLText.escape(segment.label)): \(count)</title></rect>"
                x += width
            }
            svg += "<text x=\"\(HTMLText.number(frame.width - Self.noteWidth + 6))\" y=\"\(textY)\">\(HTMLText.escape(row.note))</text></g>"
        }
        return frame.render(svg + SVGLegend(segments).render(x: Self.labelWidth, y: Double(rows.count) * Self.rowHeight + 6))
    }
}
