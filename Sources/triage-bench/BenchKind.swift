import ArgumentParser
import Foundation
import TriageCore

/// The probe kinds the benchmark can drive, each with the check it configures for a URL
/// (for dns, `dns://SERVER:PORT/NAME`: an A lookup of NAME at that server).
enum BenchKind: String, CaseIterable, ExpressibleByArgument {
    case http, tcp, tls, content, page, dns, smtp, imap, pop3, cache

    /// Whether the kind logs in, so the benchmark needs `--username` and `--password-env`.
    var needsLogin: Bool { self == .imap || self == .pop3 }

    /// - Parameters:
    ///   - login: the mail kinds' login.
    ///   - origin: the origin behind the cache, for `cache` (the page compared with `url`).
    func spec(url: URL, caFile: String?, login: MailLogin?, origin: URL?) -> CheckSpec {
        let server = MailServer(url: url, login: login, caFile: caFile)
        return switch self {
        case .http: .http(HTTPCheckSpec(url: url))
        case .tcp: .tcp(TCPCheckSpec(host: url.host ?? "127.0.0.1", port: url.port ?? 80))
        case .tls: .tls(TLSCheckSpec(url: url, caFile: caFile))
        case .content: .content(ContentCheckSpec(url: url, requires: ["Welcome"], caFile: caFile))
        case .page: .page(PageCheckSpec(url: url))
        case .dns:
            .dns(DNSCheckSpec(
                name: String(url.path.dropFirst()), type: .a,
                server: DNSCheckSpec.Server(address: url.host ?? "127.0.0.1", port: url.port ?? 53)
            ))
        case .smtp: .smtp(SMTPCheckSpec(server: server))
        case .imap: .imap(IMAPCheckSpec(server: server))
        case .pop3: .pop3(POP3CheckSpec(server: server))
        case .cache: .cache(CacheCheckSpec(edge: url, origin: origin ?? url, caFile: caFile))
        }
    }
}
