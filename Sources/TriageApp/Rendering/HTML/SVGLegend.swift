/// A row of colour swatches with their meaning, drawn inside a chart so it prints and scales
/// with it (an HTML legend beside the chart can wrap away from it on a phone).
public struct SVGLegend: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var label: String
        public var colour: String

        public init(_ label: String, colour: String) {
            self.label = label
            self.colour = colour
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// The legend's height in user units.
    public static let height = 18.0

    /// The swatches from `x`, `y` (their top), spaced by the length of each label.
    public func render(x: Double, y: Double) -> String {
        var position = x
        var svg = "<g class=\"legend\">"
        for entry in entries {
            svg += "<rect x=\"\(HTMLText.number(position))\" y=\"\(HTMLText.number(y + 2))\" width=\"10\" height=\"10\""
                + " fill=\"\(entry.colour)\" stroke=\"#666\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(HTMLText.number(position + 14))\" y=\"\(HTMLText.number(y + 11))\">\(HTMLText.escape(entry.label))</text>"
            position += 14 + Double(entry.label.count) * 6.5 + 12
        }
        return svg + "</g>"
    }
}
