import Foundation
import TriageCore

/// A check's `page:` mapping. Every key is optional: `- page:` alone loads the site's url with
/// at most ``PageCheckSpec/defaultMaxAssets`` assets and no warning threshold; the page is written
/// as for http (`path:` or `url:`).
///
/// ```yaml
/// - page: {path: /, maxAssets: 30, warnAfter: 5s}
/// ```
extension PageCheckSpec {
    static let keys = ["path", "url", "maxAssets", "warnAfter"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> PageCheckSpec? {
        let mark = cursor.errors.count
        let map = cursor.isNull ? nil : cursor.mapping()
        let place = "to the check: write it beside page:, not inside it"
        map?.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        guard cursor.isNull || map != nil else { return nil }
        let url = HTTPCheckSpec.resolveURL(map, cursor: cursor, site: site)
        let maxAssets = map?["maxAssets"]?.int(in: 1...200)
        let warnAfter = map?["warnAfter"]?.duration(atLeast: .seconds(1), atMost: .seconds(120))
        guard let url, cursor.errors.noneSince(mark) else { return nil }
        return PageCheckSpec(url: url, maxAssets: maxAssets ?? defaultMaxAssets, warnAfter: warnAfter)
    }
}
