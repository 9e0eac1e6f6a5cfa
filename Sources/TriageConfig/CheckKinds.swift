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

/// Every kind of check a probe file can name (`http:`, `tcp:`, `tls:`, `content:`, `page:`, `dns:`,
/// `smtp:`, `imap:`, `pop3:`, `mail:`, `cache:`), with its decoder. Adding a probe kind
/// adds one `CheckSpec` case and one line here; the check decoder needs no change.
enum CheckKinds {
    typealias Decoder = @Sendable (NodeCursor, SiteContext) -> CheckSpec?

    static let all: [(name: String, decode: Decoder)] = [
        ("http", { cursor, site in HTTPCheckSpec.decode(cursor, site: site).map(CheckSpec.http) }),
        ("tcp", { cursor, site in TCPCheckSpec.decode(cursor, site: site).map(CheckSpec.tcp) }),
        ("tls", { cursor, site in TLSCheckSpec.decode(cursor, site: site).map(CheckSpec.tls) }),
        ("content", { cursor, site in ContentCheckSpec.decode(cursor, site: site).map(CheckSpec.content) }),
        ("page", { cursor, site in PageCheckSpec.decode(cursor, site: site).map(CheckSpec.page) }),
        ("dns", { cursor, site in DNSCheckSpec.decode(cursor, site: site).map(CheckSpec.dns) }),
        ("smtp", { cursor, site in SMTPCheckSpec.decode(cursor, site: site).map(CheckSpec.smtp) }),
        ("imap", { cursor, site in IMAPCheckSpec.decode(cursor, site: site).map(CheckSpec.imap) }),
        ("pop3", { cursor, site in POP3CheckSpec.decode(cursor, site: site).map(CheckSpec.pop3) }),
        ("mail", { cursor, site in MailCheckSpec.decode(cursor, site: site).map(CheckSpec.mail) }),
        ("cache", { cursor, site in CacheCheckSpec.decode(cursor, site: site).map(CheckSpec.cache) }),
    ]

    static var names: [String] { all.map(\.name) }

    static func decoder(named name: String) -> Decoder? {
        all.first { $0.name == name }?.decode
    }
}
