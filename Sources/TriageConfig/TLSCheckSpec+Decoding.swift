import Foundation
import TriageCore

/// A check's `tls:` mapping. Every key is optional: `- tls:` alone reads the certificate of the
/// site's url, which must be https, and warns 14 days before it expires.
///
/// ```yaml
/// - tls: {warnWithin: 21d}
/// - tls: {url: "https://mail.example.com:993/", caFile: /etc/triage/private-ca.pem}
/// ```
extension TLSCheckSpec {
    static let keys = ["url", "warnWithin", "caFile"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> TLSCheckSpec? {
        let mark = cursor.errors.count
        let map = cursor.isNull ? nil : cursor.mapping()
        let place = "to the check: write it beside tls:, not inside it"
        map?.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        guard cursor.isNull || map != nil else { return nil }
        let url = resolveURL(map, cursor: cursor, site: site)
        let warnWithin = map?["warnWithin"]?.duration(atLeast: .seconds(3600), atMost: .seconds(365 * 86_400))
        let caFile = map?["caFile"]?.nonEmptyString(example: "/etc/triage/private-ca.pem")
        guard let url, cursor.errors.noneSince(mark) else { return nil }
        var spec = TLSCheckSpec(url: url, caFile: caFile)
        spec.warnWithin = warnWithin ?? spec.warnWithin
        return spec
    }

    /// `url:` as written, else the site's url; either must be https, the only scheme with a certificate.
    private static func resolveURL(_ map: MapCursor?, cursor: NodeCursor, site: SiteContext) -> URL? {
        if let urlCursor = map?["url"] {
            guard let url = urlCursor.httpURL() else { return nil }
            guard url.scheme?.lowercased() == "https" else {
                urlCursor.fail(
                    "\"\(url.absoluteString)\" is not an https URL; "
                        + "a tls check reads the certificate of an https site, such as https://www.example.com/"
                )
                return nil
            }
            return url
        }
        guard let siteURL = site.url else {
            if !site.urlWritten {
                cursor.fail("has no URL to read the certificate of; add url: to the site, or write url: https://... here")
            }
            return nil
        }
        guard siteURL.scheme?.lowercased() == "https" else {
            cursor.fail(
                "the site's url \(siteURL.absoluteString) is not https, so it has no certificate; "
                    + "write url: https://... here, or remove this check"
            )
            return nil
        }
        return siteURL
    }
}
