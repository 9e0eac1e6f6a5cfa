import CurlEngine
import Foundation
import TriageCore

extension CacheComparison {
    /// How the edge's page differs from the origin's, in words; nil when they agree.
    ///
    /// - `body`: the bodies byte for byte, then `ETag` (ignoring a weak `W/` prefix, which a
    ///   compressing cache adds) and `Last-Modified`, each only when both sides send it;
    /// - `marker`: whether the token shows on each side (searched as bytes, exactly);
    /// - `pattern`: the first match of the regular expression on each side.
    func difference(edge: CurlResponse, origin: CurlResponse) -> String? {
        switch self {
        case .body:
            if edge.body != origin.body {
                return "the body differs (\(edge.body.count) bytes at the edge, \(origin.body.count) at the origin)"
            }
            return Self.validatorDifference(edge: edge, origin: origin)
        case .marker(let token):
            let atEdge = edge.body.contains(utf8: token)
            guard atEdge != origin.body.contains(utf8: token) else { return nil }
            return "the marker \"\(token)\" shows \(atEdge ? "at the edge" : "at the origin") only"
        case .pattern(let pattern):
            let atEdge = Self.firstMatch(of: pattern, in: edge.body)
            let atOrigin = Self.firstMatch(of: pattern, in: origin.body)
            guard atEdge != atOrigin else { return nil }
            return "the pattern \(pattern) matches \(Self.quoted(atEdge)) at the edge, \(Self.quoted(atOrigin)) at the origin"
        }
    }

    private static func validatorDifference(edge: CurlResponse, origin: CurlResponse) -> String? {
        for name in ["ETag", "Last-Modified"] {
            guard let atEdge = edge.header(name), let atOrigin = origin.header(name) else { continue }
            if strong(atEdge) != strong(atOrigin) {
                return "\(name) \(atEdge) at the edge, \(atOrigin) at the origin"
            }
        }
        return nil
    }

    private static func strong(_ validator: String) -> String {
        validator.hasPrefix("W/") ? String(validator.dropFirst(2)) : validator
    }

    /// The first match of `pattern` in the body read as UTF-8 (invalid bytes replaced); nil when
    /// none, or when the pattern does not compile (configuration validated it already).
    static func firstMatch(of pattern: String, in body: [UInt8]) -> String? {
        guard let regex = try? Regex(pattern) else { return nil }
        let text = String(decoding: body, as: UTF8.self)
        return text.firstMatch(of: regex).map { String(text[$0.range]) }
    }

    private static func quoted(_ match: String?) -> String {
        match.map { "\"\($0)\"" } ?? "nothing"
    }
}
