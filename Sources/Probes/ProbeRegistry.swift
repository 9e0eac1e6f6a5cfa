import CurlEngine
import DNSResolver
import Foundation
import TriageCore

/// The one list of probe kinds: maps each ``CheckSpec`` case to the probe that runs it.
/// Adding a kind adds a case to `CheckSpec`, a file with its probe, and one line here;
/// the compiler checks that no kind is left out.
public struct ProbeRegistry: Sendable {
    private let http: HTTPProbe
    private let tcp: TCPProbe
    private let tls: TLSProbe
    private let content: ContentProbe
    private let page: PageProbe
    private let dns: DNSProbe
    private let smtp: SMTPProbe
    private let imap: IMAPProbe
    private let pop3: POP3Probe
    private let mail: MailProbe
    private let cache: CacheProbe

    public init(engine: CurlEngine, resolver: DNSResolver, clock: any TriageClock) {
        http = HTTPProbe(engine: engine, clock: clock)
        tcp = TCPProbe(engine: engine, clock: clock)
        tls = TLSProbe(engine: engine, clock: clock)
        content = ContentProbe(engine: engine, clock: clock)
        page = PageProbe(engine: engine, clock: clock)
        dns = DNSProbe(resolver: resolver, clock: clock)
        smtp = SMTPProbe(engine: engine, clock: clock)
        imap = IMAPProbe(engine: engine, clock: clock)
        pop3 = POP3Probe(engine: engine, clock: clock)
        mail = MailProbe(engine: engine, clock: clock)
        cache = CacheProbe(engine: engine, clock: clock)
    }

    /// Runs `check` once with the probe of its kind.
    public func run(_ check: Check) async throws -> ProbeResult {
        switch check.spec {
        case .http(let spec): try await http.run(spec, for: check)
        case .tcp(let spec): try await tcp.run(spec, for: check)
        case .tls(let spec): try await tls.run(spec, for: check)
        case .content(let spec): try await content.run(spec, for: check)
        case .page(let spec): try await page.run(spec, for: check)
        case .dns(let spec): try await dns.run(spec, for: check)
        case .smtp(let spec): try await smtp.run(spec, for: check)
        case .imap(let spec): try await imap.run(spec, for: check)
        case .pop3(let spec): try await pop3.run(spec, for: check)
        case .mail(let spec): try await mail.run(spec, for: check)
        case .cache(let spec): try await cache.run(spec, for: check)
        }
    }
}
