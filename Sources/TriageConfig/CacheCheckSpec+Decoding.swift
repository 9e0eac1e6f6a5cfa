import Foundation
import TriageCore

/// A check's `cache:` mapping: `origin:` is required; the edge is written as for http (`path:`
/// or `url:`, else the site's url). Left out, `marker:`/`markerPattern:` compare the whole body
/// with its validators, and `canary:` selects the passive mode.
///
/// ```yaml
/// - cache: {origin: "http://10.0.0.5:8080/", originHeaders: {Host: www.acme.example}, maxStaleness: 10m}
/// - cache: {path: /canary.txt, origin: "http://10.0.0.5:8080/canary.txt", canary: {file: /var/www/acme/canary.txt, within: 30s}}
/// ```
extension CacheCheckSpec {
    static let keys = [
        "path", "url", "origin", "originHeaders", "marker", "markerPattern", "maxStaleness", "canary", "maxBodyBytes", "caFile",
    ]
    static let canaryKeys = ["file", "url", "within"]
    /// The keys of the passive comparison, which the canary mode does not read.
    static let passiveKeys = ["marker", "markerPattern", "maxStaleness"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> CacheCheckSpec? {
        let mark = cursor.errors.count
        guard let map = cursor.mapping() else { return nil }
        let place = "to the check: write it beside cache:, not inside it"
        map.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        let edge = HTTPCheckSpec.resolveURL(map, cursor: cursor, site: site)
        let origin = map.required("origin", example: "\"http://10.0.0.5:8080/\"")?.httpURL()
        let originHeaders = map["originHeaders"].map(HTTPCheckSpec.headers)
        let comparison = comparison(map)
        let maxStaleness = map["maxStaleness"]?.duration(atLeast: .seconds(1), atMost: .seconds(7 * 86_400))
        let canary = map["canary"].flatMap(canary)
        if map["canary"] != nil {
            for key in passiveKeys {
                map[key]?.fail("is not read in canary mode, which compares the canary's token; remove it or canary:")
            }
        }
        let maxBodyBytes = map["maxBodyBytes"]?.size(in: 1...(64 << 20))
        let caFile = map["caFile"]?.nonEmptyString(example: "/etc/triage/private-ca.pem")
        guard let edge, let origin, let comparison, cursor.errors.noneSince(mark) else { return nil }
        var spec = CacheCheckSpec(edge: edge, origin: origin, originHeaders: originHeaders ?? [:], comparison: comparison, caFile: caFile)
        spec.maxStaleness = maxStaleness ?? spec.maxStaleness
        spec.canary = canary
        spec.maxBodyBytes = maxBodyBytes ?? spec.maxBodyBytes
        return spec
    }

    /// `marker:` (a literal token), `markerPattern:` (a regular expression, compiled here so a
    /// typo is an error now, not a comparison that never matches), or the whole body.
    private static func comparison(_ map: MapCursor) -> CacheComparison? {
        let marker = map["marker"]?.nonEmptyString(example: "build 42")
        guard let patternAt = map["markerPattern"] else { return marker.map(CacheComparison.marker) ?? .body }
        if map["marker"] != nil {
            patternAt.fail("is written together with marker; keep one: marker is a literal token, markerPattern a regular expression")
            return nil
        }
        guard let pattern = patternAt.nonEmptyString(example: "build-[0-9a-f]+") else { return nil }
        guard (try? Regex(pattern)) != nil else {
            patternAt.fail(
                "\"\(pattern)\" is not a regular expression; write one such as build-[0-9a-f]+, or use marker: for a literal token"
            )
            return nil
        }
        return .pattern(pattern)
    }

    /// `canary:`: exactly one of `file:` (an absolute path) and `url:`, and `within:`.
    private static func canary(_ cursor: NodeCursor) -> CacheCanary? {
        let mark = cursor.errors.count
        guard let map = cursor.mapping(allowedKeys: canaryKeys) else { return nil }
        let within = map.required("within", example: "30s")?.duration(atLeast: .seconds(1), atMost: .seconds(120))
        let change: CacheCanary.Change?
        switch (map["file"], map["url"]) {
        case (let fileAt?, nil): change = absolutePath(fileAt).map(CacheCanary.Change.file)
        case (nil, let urlAt?): change = urlAt.httpURL().map(CacheCanary.Change.url)
        case (_?, let urlAt?):
            urlAt.fail("is written together with file; keep one: file is written by Triage, url is POSTed the token")
            change = nil
        case (nil, nil):
            cursor.fail(
                "has neither file nor url; write file: /var/www/acme/canary.txt (the file the origin serves) "
                    + "or url: with a URL that takes the token"
            )
            change = nil
        }
        guard let change, let within, cursor.errors.noneSince(mark) else { return nil }
        return CacheCanary(change: change, within: within)
    }

    /// The canary file: a path from the root, since Triage's working folder says nothing about
    /// where the origin's files are.
    private static func absolutePath(_ cursor: NodeCursor) -> String? {
        guard let path = cursor.nonEmptyString(example: "/var/www/acme/canary.txt") else { return nil }
        guard path.hasPrefix("/") else {
            cursor.fail(
                "\"\(path)\" is not an absolute path; write the full path of the file the origin serves, "
                    + "such as /var/www/acme/canary.txt"
            )
            return nil
        }
        return path
    }

    /// The cross-field rule of the canary: it must be seen within the check's timeout, since the
    /// probe polls the edge inside it. Recorded at `within:`.
    static func checkCanaryFits(_ spec: CheckSpec, timeout: Duration, withinAt: NodeCursor?) {
        guard case .cache(let cache) = spec, let canary = cache.canary, canary.within >= timeout, let withinAt else { return }
        let withinText = DurationSyntax.format(canary.within)
        let timeoutText = DurationSyntax.format(timeout)
        withinAt.fail(
            "\(withinText) is not shorter than the check's timeout (\(timeoutText)): the probe polls the edge within its timeout; "
                + "lower it below \(timeoutText) or raise the timeout"
        )
    }
}
