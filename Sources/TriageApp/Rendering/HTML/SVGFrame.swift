/// The outer `<svg>` every chart shares: its size in user units (the document scales it to its
/// box through `viewBox`, so one chart reads on a phone and on a desktop), its accessible name,
/// and the `data-chart` name tests and stylesheets find it by.
///
/// ```swift
/// let frame = SVGFrame(name: "incidents-per-code", title: "Incidents per code", width: 480, height: 240)
/// let svg = values.isEmpty ? frame.noData() : frame.render(bars)
/// ```
public struct SVGFrame: Sendable, Hashable {
    public var name: String
    public var title: String
    public var width: Double
    public var height: Double

    public init(name: String, title: String, width: Double, height: Double) {
        self.name = name
        self.title = title
        self.width = width
        self.height = height
    }

    /// The chart: `body` (SVG elements) inside the frame, after its `<title>`.
    public func render(_ body: String) -> String {
        open(height: height) + body + "</svg>"
    }

    /// The frame holding only a note, for a chart without data: an empty axis would read as
    /// "everything was zero", which is not what happened.
    public func noData(_ note: String = "No data for this period") -> String {
        let noteHeight = 40.0
        return open(height: noteHeight)
            + "<text class=\"no-data\" x=\"\(HTMLText.number(width / 2))\" y=\"24\" text-anchor=\"middle\">\(HTMLText.escape(note))</text>"
            + "</svg>"
    }

    private func open(height: Double) -> String {
        let title = HTMLText.escape(self.title)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(title)\" data-chart=\"\(HTMLText.escape(name))\""
            + " viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\" preserveAspectRatio=\"xMinYMin meet\""
            + " font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>\(title)</title>"
    }
}
