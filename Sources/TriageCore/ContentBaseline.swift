/// An approved state of a page that a content check compares each probe with: past `maxChange`,
/// the page counts as defaced even when every marker is still there (a defacer who kept the shop's
/// name and footer but replaced everything between them).
///
/// `triage baseline CHECK` fetches the page and prints this as YAML to paste into the check.
public struct ContentBaseline: Sendable, Hashable {
    /// The fingerprint of the page's stable text when it was approved.
    public var fingerprint: PageFingerprint
    /// The share of word pairs that may differ from the baseline (0 to 1).
    public var maxChange: Double
    /// Where the stable part starts: the text after the first occurrence of this marker (such as
    /// `<main`), so a news ticker in the header does not count as change; nil starts at the top.
    public var from: String?
    /// Where the stable part ends: the first occurrence of this marker after `from`; nil runs to the end.
    public var to: String?

    /// The change allowed when a baseline names none: a page may rewrite half of its text (news,
    /// prices, a new article) before it counts as replaced.
    public static let defaultMaxChange = 0.5

    public init(fingerprint: PageFingerprint, maxChange: Double = defaultMaxChange, from: String? = nil, to: String? = nil) {
        self.fingerprint = fingerprint
        self.maxChange = maxChange
        self.from = from
        self.to = to
    }
}
