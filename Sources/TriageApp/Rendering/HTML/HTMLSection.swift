import Foundation
import TriageCore

/// The blocks every part of the HTML report is made of: a titled section, a chart in a figure
/// with its caption, and the days of the period that charts use as columns.
enum HTMLSection {
    /// A `<section>` whose `<h2>` names it, with an id the contents list links to.
    static func render(id: String, title: String, _ body: String) -> String {
        open(id: id, title: title) + body + close
    }

    /// The start of a section whose body is written piece by piece, up to ``close``.
    static func open(id: String, title: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-title\"><h2 id=\"\(id)-title\">\(HTMLText.escape(title))</h2>"
    }

    static let close = "</section>"

    /// A chart in a `<figure>` that never breaks across printed pages, with a caption saying how to read it.
    static func figure(_ svg: String, caption: String) -> String {
        "<figure class=\"chart\">\(svg)<figcaption>\(HTMLText.escape(caption))</figcaption></figure>"
    }

    /// A short paragraph of plain text.
    static func note(_ text: String) -> String {
        "<p class=\"note\">\(HTMLText.escape(text))</p>"
    }

    /// The UTC days that overlap `[from, to)`, oldest first: every chart's columns, so a day
    /// without data shows as such instead of vanishing.
    static func days(from: Date, to: Date) -> [Date] {
        var days: [Date] = []
        var day = Rollup.day(of: from)
        while day < to {
            days.append(day)
            day = day.addingTimeInterval(86_400)
        }
        return days
    }
}
