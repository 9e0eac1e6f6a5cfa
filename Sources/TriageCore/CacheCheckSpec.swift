import Foundation

/// A cache freshness check of a site behind a cache (Varnish, an nginx proxy cache, a CDN):
/// what visitors get through the cache (the edge) is compared with what the origin serves, so a
/// cache that keeps serving yesterday's page, a cache that is down while the origin is fine, and
/// an origin that is down behind a cache still serving its copies are each told apart.
///
/// Two modes: *passive* (``canary`` nil) compares one fetch of each side, and a difference counts
/// only when the edge's copy is older than ``maxStaleness``; *canary* first changes a token at
/// the origin and then requires the edge to show it within ``CacheCanary/within``.
public struct CacheCheckSpec: Sendable, Hashable {
    /// The staleness allowed when a check names none: a typical page TTL of a cache.
    public static let defaultMaxStaleness: Duration = .seconds(300)

    /// The page as visitors get it, through the cache.
    public var edge: URL
    /// The same page fetched from the origin, bypassing the cache.
    public var origin: URL
    /// Headers sent to the origin only, such as `Host: www.acme.example` when the origin is
    /// reached by its address.
    public var originHeaders: [String: String]
    /// What must agree between the two sides.
    public var comparison: CacheComparison
    /// How old the edge's copy may be while it differs from the origin (passive mode).
    public var maxStaleness: Duration
    /// The canary change and its deadline; nil for the passive mode.
    public var canary: CacheCanary?
    /// The most body bytes read from each side; both are compared on what was read.
    public var maxBodyBytes: Int
    /// A PEM file of the certificate authorities to trust instead of the system's, for both sides.
    public var caFile: String?

    public init(
        edge: URL, origin: URL, originHeaders: [String: String] = [:], comparison: CacheComparison = .body,
        maxStaleness: Duration = defaultMaxStaleness, canary: CacheCanary? = nil, maxBodyBytes: Int = 1 << 20,
        caFile: String? = nil
    ) {
        self.edge = edge
        self.origin = origin
        self.originHeaders = originHeaders
        self.comparison = comparison
        self.maxStaleness = maxStaleness
        self.canary = canary
        self.maxBodyBytes = maxBodyBytes
        self.caFile = caFile
    }

    /// The edge fetch as an http check with no rules of its own, so status and transfer failures
    /// are judged exactly as the http kind judges them.
    public var edgePage: HTTPCheckSpec {
        HTTPCheckSpec(url: edge, maxBodyBytes: maxBodyBytes, caFile: caFile)
    }

    /// The origin fetch, with the origin's own headers.
    public var originPage: HTTPCheckSpec {
        HTTPCheckSpec(url: origin, maxBodyBytes: maxBodyBytes, headers: originHeaders, caFile: caFile)
    }
}

/// What the two sides of a cache check must agree on.
public enum CacheComparison: Sendable, Hashable {
    /// The whole body byte for byte (as a digest comparison would, without hashing), and the
    /// `ETag` and `Last-Modified` validators when both sides send them.
    case body
    /// Whether a literal token (a build id, a version stamp) shows on each side; for pages whose
    /// other parts change on every request.
    case marker(String)
    /// The first match of a regular expression on each side, such as `build-[0-9a-f]+`.
    case pattern(String)
}

/// The canary mode: the probe changes a token at the origin, then polls the edge until it shows it.
public struct CacheCanary: Sendable, Hashable {
    /// How the probe changes the token at the origin.
    public enum Change: Sendable, Hashable {
        /// Writes the token into this file, which the origin serves at the check's origin URL.
        case file(String)
        /// POSTs the token (as a text/plain body) to this URL, which makes the origin serve it.
        case url(URL)
    }

    public var change: Change
    /// How soon the edge must show the new token; shorter than the check's timeout.
    public var within: Duration

    public init(change: Change, within: Duration) {
        self.change = change
        self.within = within
    }
}
