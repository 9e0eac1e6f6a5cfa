import ArgumentParser
import Foundation
import TriageCore

/// The probe kinds the benchmark can drive, each with the check it configures for a URL
/// (for dns, `dns://SERVER:PORT/NAME`: an A lookup of NAME at that server).
enum BenchKind: String, CaseIterable, ExpressibleByArgument {
    case http, tcp, tls, content, page, dns

    func spec(url: URL, caFile: String?) -> CheckSpec {
        switch self {
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
        }
    }
}
