import Foundation

/// A page-load check: the page and the stylesheets, scripts and images it references, fetched
/// as a browser would, so a page whose HTML is fast but whose assets crawl is seen as slow, the
/// way a visitor sees it.
public struct PageCheckSpec: Sendable, Hashable {
    /// The assets fetched when a check names no limit: enough for a typical page, few enough
    /// that one probe never floods a host.
    public static let defaultMaxAssets = 30

    /// The page whose load is measured.
    public var url: URL
    /// The most assets fetched, in the order the page references them.
    public var maxAssets: Int

    public init(url: URL, maxAssets: Int = defaultMaxAssets) {
        self.url = url
        self.maxAssets = maxAssets
    }

    /// The page fetch as an http check with no rules of its own, so status and transfer failures
    /// of the page are judged exactly as the http kind judges them.
    public var page: HTTPCheckSpec {
        HTTPCheckSpec(url: url)
    }
}
