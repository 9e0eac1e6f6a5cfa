import Foundation
import TriageCore

/// What a check's kind decoder knows of the site around it: the default URL of its checks.
struct SiteContext {
    /// The site's `url:`, when it was written and valid.
    var url: URL?
    /// Whether the site wrote a `url:` at all: when it did but the URL was wrong, that error is
    /// already reported, and a check must not add "has no URL" on top of it.
    var urlWritten: Bool
}

/// Every kind of check a probe file can name (`http:`, `tcp:`, `tls:`, `content:`, `page:`, `cache:`), with its decoder. Adding a probe kind
/// adds one `CheckSpec` case and one line here; the check decoder needs no change.
enum CheckKinds {
    typealias Decoder = @Sendable (NodeCursor, SiteContext) -> CheckSpec?

    static let all: [(name: String, decode: Decoder)] = [
        ("http", { cursor, site in HTTPCheckSpec.decode(cursor, site: site).map(CheckSpec.http) }),
        ("tcp", { cursor, site in TCPCheckSpec.decode(cursor, site: site).map(CheckSpec.tcp) }),
        ("tls", { cursor, site in TLSCheckSpec.decode(cursor, site: site).map(CheckSpec.tls) }),
        ("content", { cursor, site in ContentCheckSpec.decode(cursor, site: site).map(CheckSpec.content) }),
        ("page", { cursor, site in PageCheckSpec.decode(cursor, site: site).map(CheckSpec.page) }),
        ("cache", { cursor, site in CacheCheckSpec.decode(cursor, site: site).map(CheckSpec.cache) }),
    ]

    static var names: [String] { all.map(\.name) }

    static func decoder(named name: String) -> Decoder? {
        all.first { $0.name == name }?.decode
    }
}
