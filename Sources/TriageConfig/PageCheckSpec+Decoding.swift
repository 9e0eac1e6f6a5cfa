import Foundation
import TriageCore

/// A check's `page:` mapping. Every key is optional: `- page:` alone loads the site's url with
/// at most ``PageCheckSpec/defaultMaxAssets`` assets; the page is written as for http (`path:` or
/// `url:`). Its thresholds are the check's `detection:` ones (`slowAfter`, `warnAfter`), as for http.
///
/// ```yaml
/// - page: {path: /, maxAssets: 30}
/// ```
extension PageCheckSpec {
    static let keys = ["path", "url", "maxAssets"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> PageCheckSpec? {
        let mark = cursor.errors.count
        let map = cursor.isNull ? nil : cursor.mapping()
        let place = "to the check: write it beside page:, not inside it"
        var misplaced = Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) })
        misplaced["warnAfter"] = "to the check's detection: write detection: {warnAfter: 5s} beside page:"
        map?.rejectUnknownKeys(allowed: keys, misplaced: misplaced)
        guard cursor.isNull || map != nil else { return nil }
        let url = HTTPCheckSpec.resolveURL(map, cursor: cursor, site: site)
        let maxAssets = map?["maxAssets"]?.int(in: 1...200)
        guard let url, cursor.errors.noneSince(mark) else { return nil }
        return PageCheckSpec(url: url, maxAssets: maxAssets ?? defaultMaxAssets)
    }
}
