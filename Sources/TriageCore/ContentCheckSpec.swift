import Foundation

/// A content-integrity check of a page: markers the real page always shows must be there, and
/// patterns a defacement leaves must not be, so a hacked site that still answers 200 is caught
/// even though an availability check sees nothing wrong.
///
/// Both searches are byte searches of the body read up to `maxBodyBytes`, ignoring ASCII case
/// ("Hacked By" matches "hacked by"), so a page in any ASCII-compatible encoding is searched
/// without decoding it.
public struct ContentCheckSpec: Sendable, Hashable {
    /// The patterns forbidden when a check names none: the signatures defacers sign their work with.
    public static let defaultForbids = ["hacked by", "defaced by", "pwned by", "h4cked by"]

    /// The page whose content is checked.
    public var url: URL
    /// Text the real page always shows (the shop's name, its footer); one missing means the page
    /// was replaced. Never empty: without a marker a replaced page could not be told apart.
    public var requires: [String]
    /// Text that must not appear; empty checks none.
    public var forbids: [String]
    /// The most body bytes read; markers past it count as missing.
    public var maxBodyBytes: Int
    /// A PEM file of the certificate authorities to trust instead of the system's; nil trusts
    /// the system store.
    public var caFile: String?
    /// The approved page the body is compared with after the markers pass; nil compares nothing.
    public var baseline: ContentBaseline?

    public init(
        url: URL, requires: [String], forbids: [String] = defaultForbids, maxBodyBytes: Int = 1 << 20,
        caFile: String? = nil, baseline: ContentBaseline? = nil
    ) {
        self.url = url
        self.requires = requires
        self.forbids = forbids
        self.maxBodyBytes = maxBodyBytes
        self.caFile = caFile
        self.baseline = baseline
    }

    /// The page fetch as an http check with no content rules of its own, so status and transfer
    /// failures are judged exactly as the http kind judges them.
    public var page: HTTPCheckSpec {
        HTTPCheckSpec(url: url, maxBodyBytes: maxBodyBytes, caFile: caFile)
    }
}
