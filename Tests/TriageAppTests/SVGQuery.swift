import Foundation

/// Reads charts back out of markup (a rendered document or the DOM Chromium serialised): the
/// `<svg data-chart=NAME>` elements, and the attributes of the elements inside them.
struct SVGQuery {
    let markup: String

    /// Every `<svg …data-chart="NAME"…>…</svg>`, in document order.
    func charts(_ name: String) -> [SVGQuery] {
        var found: [SVGQuery] = []
        var rest = markup[...]
        while let open = rest.range(of: "<svg") {
            guard let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) else { break }
            let chart = String(rest[open.lowerBound..<close.upperBound])
            if let tag = chart.range(of: ">"), chart[..<tag.lowerBound].contains("data-chart=\"\(name)\"") {
                found.append(SVGQuery(markup: chart))
            }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The attributes of every `<TAG …>` whose attributes include every one of `matching`.
    func elements(_ tag: String, matching: [String: String] = [:]) -> [[String: String]] {
        let pattern = try! Regex("<\(tag)\\b([^>]*)>")
        let attribute = try! Regex("([a-zA-Z:-]+)=\"([^\"]*)\"")
        return markup.matches(of: pattern).compactMap { match in
            let text = String(match.output[1].substring ?? "")
            var attributes: [String: String] = [:]
            for pair in text.matches(of: attribute) {
                attributes[String(pair.output[1].substring ?? "")] = String(pair.output[2].substring ?? "")
            }
            return matching.allSatisfy { attributes[$0.key] == $0.value } ? attributes : nil
        }
    }

    /// A numeric attribute of an element.
    static func number(_ attributes: [String: String], _ name: String) -> Double {
        attributes[name].flatMap(Double.init) ?? .nan
    }
}
