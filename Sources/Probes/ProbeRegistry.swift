import CurlEngine
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
    private let cache: CacheProbe

    public init(engine: CurlEngine, clock: any TriageClock) {
        http = HTTPProbe(engine: engine, clock: clock)
        tcp = TCPProbe(engine: engine, clock: clock)
        tls = TLSProbe(engine: engine, clock: clock)
        content = ContentProbe(engine: engine, clock: clock)
        page = PageProbe(engine: engine, clock: clock)
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
        case .cache(let spec): try await cache.run(spec, for: check)
        }
    }
}
