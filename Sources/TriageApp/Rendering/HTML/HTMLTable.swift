/// A table of plain-text cells (escaped here) inside its own scrolling box, so a wide table
/// scrolls sideways on a phone instead of widening the page.
public struct HTMLTable: Sendable, Hashable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// Columns of figures: right-aligned, so digits line up.
    public var numeric: Set<Int>
    /// Columns of free text (summaries, lists): they wrap, where every other column keeps its
    /// cells on one line.
    public var text: Set<Int>

    public init(caption: String, header: [String], rows: [[String]], numeric: Set<Int> = [], text: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numeric = numeric
        self.text = text
    }

    public func render() -> String {
        var html = "<div class=\"scroll\"><table><caption>\(HTMLText.escape(caption))</caption><thead><tr>"
        html += header.enumerated().map { "<th scope=\"col\"\(alignment($0.offset))>\(HTMLText.escape($0.element))</th>" }.joined()
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.enumerated().map { "<td\(alignment($0.offset))>\(HTMLText.escape($0.element))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    private func alignment(_ column: Int) -> String {
        numeric.contains(column) ? " class=\"num\"" : text.contains(column) ? " class=\"text\"" : ""
    }
}
