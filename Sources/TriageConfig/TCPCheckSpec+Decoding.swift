import Foundation
import TriageCore

/// A check's `tcp:` mapping: `port:` is required; `host:` defaults to the host of the site's url.
///
/// ```yaml
/// - tcp: {host: db.example.com, port: 3306}
/// - tcp: {port: 22}
/// ```
extension TCPCheckSpec {
    static let keys = ["host", "port"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> TCPCheckSpec? {
        let mark = cursor.errors.count
        guard let map = cursor.mapping() else { return nil }
        let place = "to the check: write it beside tcp:, not inside it"
        map.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        let port = map.required("port", example: "3306")?.int(in: 1...65535)
        let host = resolveHost(map, cursor: cursor, site: site)
        guard let host, let port, cursor.errors.noneSince(mark) else { return nil }
        return TCPCheckSpec(host: host, port: port)
    }

    /// `host:` as written, else the host of the site's url.
    private static func resolveHost(_ map: MapCursor, cursor: NodeCursor, site: SiteContext) -> String? {
        if let hostCursor = map["host"] {
            guard let host = hostCursor.scalar(expecting: "a host name, such as db.example.com") else { return nil }
            guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
                hostCursor.fail("\"\(host)\" is not a host name; write a name or an address only, such as db.example.com")
                return nil
            }
            return host
        }
        if let host = site.url?.host, !host.isEmpty { return host }
        if !site.urlWritten {
            cursor.fail("has no host to connect to; add host:, such as host: db.example.com, or url: to the site")
        }
        return nil
    }
}
