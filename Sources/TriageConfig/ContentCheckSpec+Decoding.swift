import Foundation
import TriageCore

/// A check's `content:` mapping: `requires:` is required (one marker or a list, never empty);
/// the page is written as for http (`path:` or `url:`, else the site's url); `forbids:` left
/// out takes ``ContentCheckSpec/defaultForbids``, and `forbids: []` searches for none.
///
/// ```yaml
/// - content: {path: /, requires: ["Acme Shop", "<footer"], forbids: ["hacked by"]}
/// ```
extension ContentCheckSpec {
    static let keys = ["path", "url", "requires", "forbids", "maxBodyBytes", "caFile"]

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
        guard let url, let requires, cursor.errors.noneSince(mark) else { return nil }
        var spec = ContentCheckSpec(url: url, requires: requires, caFile: caFile)
        spec.forbids = forbids ?? spec.forbids
        spec.maxBodyBytes = maxBodyBytes ?? spec.maxBodyBytes
        return spec
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
