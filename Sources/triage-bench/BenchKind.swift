import ArgumentParser
import Foundation
import TriageCore

/// The probe kinds the benchmark can drive, each with the check it configures for a URL.
enum BenchKind: String, CaseIterable, ExpressibleByArgument {
    case http, tcp, tls, content, page, cache

    /// - Parameter origin: the origin behind the cache, for `cache` (the page compared with `url`).
    func spec(url: URL, caFile: String?, origin: URL?) -> CheckSpec {
        switch self {
        case .http: .http(HTTPCheckSpec(url: url))
        case .tcp: .tcp(TCPCheckSpec(host: url.host ?? "127.0.0.1", port: url.port ?? 80))
        case .tls: .tls(TLSCheckSpec(url: url, caFile: caFile))
        case .content: .content(ContentCheckSpec(url: url, requires: ["Welcome"], caFile: caFile))
        case .page: .page(PageCheckSpec(url: url))
        case .cache: .cache(CacheCheckSpec(edge: url, origin: origin ?? url, caFile: caFile))
        }
    }
}
