import Foundation
import TriageCore

/// A check's `http:` mapping. Every key is optional: `- http:` alone probes the site's url and
/// accepts any 2xx or 3xx answer.
///
/// ```yaml
/// - http: {path: /health, status: [200], contains: "OK", maxBodyBytes: 64KiB}
/// ```
extension HTTPCheckSpec {
    static let keys = [
        "path", "url", "method", "status", "contains", "notContains", "maxRedirects", "maxBodyBytes", "headers", "verifyTLS",
        "caFile",
    ]
    static let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> HTTPCheckSpec? {
        let mark = cursor.errors.count
        let map = cursor.isNull ? nil : cursor.mapping()
        let place = "to the check: write it beside http:, not inside it"
        map?.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        guard cursor.isNull || map != nil else { return nil }
        let url = resolveURL(map, cursor: cursor, site: site)
        let method = map?["method"]?.choice(methods, noun: "an HTTP method")
        let status = map?["status"]?.oneOrMany()?.compactMap { $0.int(in: 100...599) }
        let contains = map?["contains"]?.oneOrMany()?.compactMap { $0.nonEmptyString(example: "Welcome") }
        let notContains = map?["notContains"]?.oneOrMany()?.compactMap { $0.nonEmptyString(example: "Fatal error") }
        let maxRedirects = map?["maxRedirects"]?.int(in: 0...20)
        let maxBodyBytes = map?["maxBodyBytes"]?.size(in: 1...(64 << 20))
        let headers = map?["headers"].map(headers)
        let verifyTLS = map?["verifyTLS"]?.bool()
        let caFile = map?["caFile"]?.nonEmptyString(example: "/etc/triage/private-ca.pem")
        guard let url, cursor.errors.noneSince(mark) else { return nil }
        var spec = HTTPCheckSpec(url: url)
        spec.method = method ?? spec.method
        spec.expectedStatus = Set(status ?? [])
        spec.mustContain = contains ?? []
        spec.mustNotContain = notContains ?? []
        spec.maxRedirects = maxRedirects ?? spec.maxRedirects
        spec.maxBodyBytes = maxBodyBytes ?? spec.maxBodyBytes
        spec.headers = headers ?? [:]
        spec.verifyTLS = verifyTLS ?? spec.verifyTLS
        spec.caFile = caFile
        return spec
    }

    /// The URL probed: `url:` as written, `path:` joined to the site's url, or the site's url.
    /// Shared with the kinds that fetch a page too (content), so both write a page alike.
    static func resolveURL(_ map: MapCursor?, cursor: NodeCursor, site: SiteContext) -> URL? {
        let pathCursor = map?["path"]
        if let urlCursor = map?["url"] {
            if pathCursor != nil {
                urlCursor.fail("is written together with path; keep one: path is joined to the site's url, url replaces it")
                return nil
            }
            return urlCursor.httpURL()
        }
        guard let siteURL = site.url else {
            if !site.urlWritten {
                let fix = "add url: to the site, or write a full url: here"
                if let pathCursor {
                    pathCursor.fail("needs the site's url to join to; \(fix) instead of path")
                } else {
                    cursor.fail("has no URL to probe; \(fix)")
                }
            }
            return nil
        }
        guard let pathCursor else { return siteURL }
        guard let path = pathCursor.scalar(expecting: "a path, such as /health") else { return nil }
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains(where: \.isWhitespace),
            let url = URL(string: path, relativeTo: siteURL)?.absoluteURL
        else {
            pathCursor.fail("\"\(path)\" is not a path; write one that starts with a single /, such as /health")
            return nil
        }
        return url
    }

    /// Extra request headers: names are HTTP tokens, values single lines. Shared with the cache
    /// kind's originHeaders.
    static func headers(_ cursor: NodeCursor) -> [String: String] {
        guard let map = cursor.mapping() else { return [:] }
        var headers: [String: String] = [:]
        let tokenPunctuation = Set("!#$%&'*+-.^_`|~")
        for entry in map.entries {
            let isToken = !entry.key.isEmpty
                && entry.key.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || tokenPunctuation.contains($0) }
            guard isToken else {
                entry.value.fail("\"\(entry.key)\" is not a header name; use letters, digits and dashes, such as X-Probe")
                continue
            }
            guard let value = entry.value.string() else { continue }
            guard !value.contains(where: \.isNewline) else {
                entry.value.fail("spans several lines; a header value is one line")
                continue
            }
            headers[entry.key] = value
        }
        return headers
    }
}
