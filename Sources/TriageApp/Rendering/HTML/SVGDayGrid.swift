import Foundation

/// One row per subject, one cell per day, each cell coloured by that day's share (uptime): a
/// month of many sites at a glance, bad days standing out. A day nothing was observed is grey.
public struct SVGDayGrid: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var label: String
        /// One share per column day; nil where nothing was observed.
        public var cells: [Double?]

        public init(label: String, cells: [Double?]) {
            self.label = label
            self.cells = cells
        }
    }

    public var frame: SVGFrame
    /// The columns' UTC days, oldest first.
    public var days: [Date]
    public var rows: [Row]

    static let labelWidth = 120.0
    static let headerHeight = 18.0
    static let rowHeight = 18.0
    /// The longest label drawn; the full one is in the row's tooltip and the table.
    static let labelLength = 18

    /// The frame's height follows its rows, so callers give only a width.
    public init(name: String, title: String, width: Double, days: [Date], rows: [Row]) {
        self.days = days
        self.rows = rows
        let height = Self.headerHeight + Double(rows.count) * Self.rowHeight + SVGLegend.height + 8
        frame = SVGFrame(name: name, title: title, width: width, height: height)
    }

    /// The width of one day's cell: the days share what the labels leave.
    public var cellWidth: Double { days.isEmpty ? 0 : (frame.width - Self.labelWidth) / Double(days.count) }

    /// The rows are drawn on every core (a thousand sites make thirty thousand cells); what every
    /// row repeats, its columns' positions and labels, is written once.
    public func render() -> String {
        guard !days.isEmpty, !rows.isEmpty else { return frame.noData() }
        var svg = header()
        let columns = Columns(
            days: days.map(HTMLText.shortDay),
            x: days.indices.map { HTMLText.number(Self.labelWidth + Double($0) * cellWidth) },
            size: " width=\"\(HTMLText.number(max(cellWidth - 1, 0.5)))\" height=\"\(HTMLText.number(Self.rowHeight - 2))\""
        )
        ParallelPieces.forEach(count: rows.count, render: { row($0, columns) }, write: { svg += $0 })
        let legend = SVGLegend(
            ChartPalette.uptimeBands.map { SVGLegend.Entry($0.label, colour: $0.colour) } + [SVGLegend.Entry("no data", colour: ChartPalette.unknown)]
        )
        return frame.render(svg + legend.render(x: 0, y: Self.headerHeight + Double(rows.count) * Self.rowHeight + 4))
    }

    /// What each row's cells share: their day labels, their x positions, their size attributes.
    private struct Columns: Sendable {
        var days: [String]
        var x: [String]
        var size: String
    }

    private func row(_ index: Int, _ columns: Columns) -> String {
        let row = rows[index]
        let y = Self.headerHeight + Double(index) * Self.rowHeight
        let cellY = HTMLText.number(y + 1)
        let name = HTMLText.escape(row.label)
        let label = row.label.count > Self.labelLength ? row.label.prefix(Self.labelLength - 1) + "…" : row.label
        var svg = "<g class=\"day-row\" data-label=\"\(name)\"><title>\(name)</title>"
        svg += "<text x=\"0\" y=\"\(HTMLText.number(y + 12))\">\(HTMLText.escape(String(label)))</text>"
        for (column, day) in columns.days.enumerated() {
            let share = column < row.cells.count ? row.cells[column] : nil
            svg += "<rect class=\"cell\" data-day=\"\(day)\" data-uptime=\"\(share.map { $0.fixed(decimals: 4) } ?? "")\""
                + " x=\"\(columns.x[column])\" y=\"\(cellY)\"\(columns.size) fill=\"\(ChartPalette.uptime(share))\"><title>\(name) \(day): "
                + "\(HTMLText.percent(share))</title></rect>"
        }
        return svg + "</g>"
    }

    /// Day labels over the columns, as many as fit without overlapping (about 40 units each).
    private func header() -> String {
        let every = max(1, Int((40 / max(cellWidth, 0.1)).rounded(.up)))
        return stride(from: 0, to: days.count, by: every).map { column in
            "<text class=\"tick\" x=\"\(HTMLText.number(Self.labelWidth + Double(column) * cellWidth))\" y=\"12\">\(HTMLText.shortDay(days[column]))</text>"
        }.joined()
    }
}
