import Foundation
import TriageCore

/// A check's `content:` mapping: `requires:` is required (one marker or a list, never empty);
/// the page is written as for http (`path:` or `url:`, else the site's url); `forbids:` left
/// out takes ``ContentCheckSpec/defaultForbids``, and `forbids: []` searches for none.
/// `baseline:` is what `triage baseline CHECK` prints: a `digest:` (required), `maxChange:`
/// (default 50%) and the optional region markers `from:` and `to:`.
///
/// ```yaml
/// - content: {path: /, requires: ["Acme Shop", "<footer"], forbids: ["hacked by"]}
/// ```
extension ContentCheckSpec {
    static let keys = ["path", "url", "requires", "forbids", "maxBodyBytes", "caFile", "baseline"]
    static let baselineKeys = ["digest", "maxChange", "from", "to"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> ContentCheckSpec? {
        let mark = cursor.errors.count
        guard let map = cursor.mapping() else { return nil }
        let place = "to the check: write it beside content:, not inside it"
        map.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        let url = HTTPCheckSpec.resolveURL(map, cursor: cursor, site: site)
        let requires = map.required("requires", example: "[\"Acme Shop\"]").flatMap(markers)
        let forbids = map["forbids"]?.oneOrMany()?.compactMap { $0.nonEmptyString(example: "hacked by") }
        let maxBodyBytes = map["maxBodyBytes"]?.size(in: 1...(64 << 20))
        let caFile = map["caFile"]?.nonEmptyString(example: "/etc/triage/private-ca.pem")
        let baseline = map["baseline"].flatMap(decodeBaseline)
        guard let url, let requires, cursor.errors.noneSince(mark) else { return nil }
        var spec = ContentCheckSpec(url: url, requires: requires, caFile: caFile, baseline: baseline)
        spec.forbids = forbids ?? spec.forbids
        spec.maxBodyBytes = maxBodyBytes ?? spec.maxBodyBytes
        return spec
    }

    /// The `baseline:` mapping; nil without a valid digest. A wrong optional value is recorded, and
    /// the caller's error check then drops the whole spec.
    private static func decodeBaseline(_ cursor: NodeCursor) -> ContentBaseline? {
        guard let map = cursor.mapping(allowedKeys: baselineKeys) else { return nil }
        let how = "run triage baseline CHECK and paste the digest it prints"
        let digestCursor = map.required("digest", example: "mh1:... (\(how))")
        let fingerprint = digestCursor.flatMap { digest -> PageFingerprint? in
            guard let text = digest.nonEmptyString(example: "mh1:...") else { return nil }
            guard let fingerprint = PageFingerprint(encoded: text) else {
                digest.fail("is not a page digest; \(how)")
                return nil
            }
            return fingerprint
        }
        let maxChange = map["maxChange"]?.percentage()
        let from = map["from"]?.nonEmptyString(example: "<main")
        let to = map["to"]?.nonEmptyString(example: "</main>")
        guard let fingerprint else { return nil }
        return ContentBaseline(fingerprint: fingerprint, maxChange: maxChange ?? ContentBaseline.defaultMaxChange, from: from, to: to)
    }

    /// The required markers: at least one, since a check without one cannot tell the customer's
    /// page from any other page that answers 200.
    private static func markers(_ cursor: NodeCursor) -> [String]? {
        guard let items = cursor.oneOrMany() else { return nil }
        guard !items.isEmpty else {
            cursor.fail("is empty; list at least one text the real page always shows, such as [\"Acme Shop\"]")
            return nil
        }
        let markers = items.compactMap { $0.nonEmptyString(example: "Acme Shop") }
        return markers.count == items.count ? markers : nil
    }
}
