import Foundation

/// Finds the assets a browser loads with a page: stylesheets (`<link rel="stylesheet" href>`),
/// scripts (`<script src>`) and images (`<img src>`), resolved against the page's URL.
///
/// It reads the body bytes as they came, without a full HTML parser, because only three start
/// tags matter; comments are skipped so assets a page has commented out are not fetched. Only
/// http and https assets count (a `data:` image costs no request), each once, in the order the
/// page references them, up to `limit`.
///
/// ```swift
/// let assets = AssetExtractor(pageURL: url, limit: 30).assets(in: response.body)
/// ```
struct AssetExtractor {
    /// The URL relative references resolve against: the page's, after redirects.
    let pageURL: URL
    /// The most assets returned.
    let limit: Int

    func assets(in body: [UInt8]) -> [URL] {
        var found: [URL] = []
        var seen: Set<String> = []
        var scanner = TagScanner(bytes: body)
        while found.count < limit, let tag = scanner.next() {
            guard let reference = Self.reference(of: tag), let url = resolve(reference),
                seen.insert(url.absoluteString).inserted
            else { continue }
            found.append(url)
        }
        return found
    }

    /// The attribute naming the asset a tag loads, or nil for a tag that loads none.
    static func reference(of tag: TagScanner.Tag) -> String? {
        switch tag.name {
        case "script", "img": return tag.attributes["src"]
        case "link":
            let rel = tag.attributes["rel"]?.lowercased().split(whereSeparator: \.isWhitespace) ?? []
            return rel.contains("stylesheet") ? tag.attributes["href"] : nil
        default: return nil
        }
    }

    /// The absolute http(s) URL of a reference; nil for an empty one (it would name the page
    /// itself) and for other schemes. `&amp;` is decoded, as HTML writes `&` in query strings.
    func resolve(_ reference: String) -> URL? {
        let text = reference.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "&amp;", with: "&")
        guard !text.isEmpty, let url = URL(string: text, relativeTo: pageURL)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return url
    }
}

/// Walks the start tags of an HTML body, yielding each tag's lowercased name and attributes
/// (names lowercased; the first of a repeated attribute wins, as in browsers). Values may be in
/// double quotes, single quotes or bare.
struct TagScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Tag? {
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if bytes[index...].starts(with: "!--".utf8) {
                skip(past: Array("-->".utf8))
                continue
            }
            let name = self.name()
            guard !name.isEmpty else { continue }
            return Tag(name: name, attributes: attributes())
        }
        index = bytes.count
        return nil
    }

    private mutating func attributes() -> [String: String] {
        var attributes: [String: String] = [:]
        while true {
            skip { $0 == UInt8(ascii: "/") || Self.isSpace($0) }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
            let name = self.name()
            guard !name.isEmpty else {
                index += 1
                continue
            }
            skip(while: Self.isSpace)
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skip(while: Self.isSpace)
                value = self.value()
            }
            if attributes[name] == nil { attributes[name] = value }
        }
        index = min(index + 1, bytes.count)
        return attributes
    }

    /// A tag or attribute name: everything up to a space, `/`, `>`, `=` or a quote.
    private mutating func name() -> String {
        let start = index
        skip { !Self.isSpace($0) && !"/>=\"'".utf8.contains($0) }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }

    private mutating func value() -> String {
        guard index < bytes.count else { return "" }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            let start = index
            skip { !Self.isSpace($0) && $0 != UInt8(ascii: ">") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        let start = index + 1
        let end = bytes[start...].firstIndex(of: quote) ?? bytes.count
        index = min(end + 1, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func skip(while matches: (UInt8) -> Bool) {
        while index < bytes.count, matches(bytes[index]) { index += 1 }
    }

    private mutating func skip(past terminator: [UInt8]) {
        while index < bytes.count, !bytes[index...].starts(with: terminator) { index += 1 }
        index = min(index + terminator.count, bytes.count)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
