import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// The `tcp:` and `tls:` check kinds decode to their specs, with their defaults from the site.
@Suite struct ProbeKindsTests {
    @Test func tcpTakesTheSiteHostUnlessItNamesOne() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - tcp: {port: 22}
                  - tcp: {host: db.acme.example, port: 3306}
                    name: db
            """)
        #expect(checks.map(\.spec) == [
            .tcp(TCPCheckSpec(host: "www.acme.example", port: 22)),
            .tcp(TCPCheckSpec(host: "db.acme.example", port: 3306)),
        ])
        #expect(checks.map(\.id) == ["acme/www/tcp", "acme/www/db"])
        #expect(checks[1].host == "db.acme.example")
    }

    @Test func tlsReadsTheSiteURLWithAFortnightWarningByDefault() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - tls:
                  - tls: {url: "https://mail.acme.example:993/", warnWithin: 30d, caFile: /etc/triage/ca.pem}
                    name: mail
            """)
        #expect(checks.map(\.spec) == [
            .tls(TLSCheckSpec(url: URL(string: "https://www.acme.example/")!, warnWithin: .seconds(14 * 86_400))),
            .tls(TLSCheckSpec(
                url: URL(string: "https://mail.acme.example:993/")!, warnWithin: .seconds(30 * 86_400),
                caFile: "/etc/triage/ca.pem"
            )),
        ])
        #expect(checks.map(\.id) == ["acme/www/tls", "acme/www/mail"])
    }

    @Test func httpTakesACAFile() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - http: {caFile: /etc/triage/ca.pem}
            """)
        guard case .http(let spec) = checks.first?.spec else { Issue.record("not an http check"); return }
        #expect(spec.caFile == "/etc/triage/ca.pem")
    }
}

/// The `content:` check kind: the page written as for http, markers required, forbidden
/// patterns defaulted.
@Suite struct ContentKindTests {
    @Test func contentJoinsItsPathAndDefaultsTheForbiddenPatterns() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - content: {path: /shop, requires: "Acme Shop"}
                  - content:
                      url: "https://shop.acme.example/"
                      requires: ["Acme Shop", "<footer"]
                      forbids: ["hacked by", "owned by"]
                      maxBodyBytes: 64KiB
                      caFile: /etc/triage/ca.pem
                    name: shop
                  - content: {requires: Acme, forbids: []}
                    name: bare
            """)
        #expect(checks.map(\.spec) == [
            .content(ContentCheckSpec(url: URL(string: "https://www.acme.example/shop")!, requires: ["Acme Shop"])),
            .content(ContentCheckSpec(
                url: URL(string: "https://shop.acme.example/")!, requires: ["Acme Shop", "<footer"],
                forbids: ["hacked by", "owned by"], maxBodyBytes: 64 * 1024, caFile: "/etc/triage/ca.pem"
            )),
            .content(ContentCheckSpec(url: URL(string: "https://www.acme.example/")!, requires: ["Acme"], forbids: [])),
        ])
        #expect(checks.map(\.id) == ["acme/www/content", "acme/www/shop", "acme/www/bare"])
        #expect(ContentCheckSpec.defaultForbids.contains("hacked by"))
    }

    @Test func aBaselineReadsItsDigestAndDefaultsItsAllowedChange() throws {
        let digest = PageFingerprint(values: (0..<64).map { UInt16($0) }).encoded
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - content:
                      requires: Acme
                      baseline: {digest: "\(digest)", maxChange: 25%, from: "<main", to: "</main>"}
                  - content: {requires: Acme, baseline: {digest: "\(digest)"}}
                    name: whole
            """)
        let fingerprint = try #require(PageFingerprint(encoded: digest))
        guard case .content(let main) = checks[0].spec, case .content(let whole) = checks[1].spec else {
            Issue.record("not content checks: \(checks.map(\.spec))")
            return
        }
        #expect(main.baseline == ContentBaseline(fingerprint: fingerprint, maxChange: 0.25, from: "<main", to: "</main>"))
        #expect(whole.baseline == ContentBaseline(fingerprint: fingerprint, maxChange: 0.5))
    }
}

/// The `page:` check kind: the page written as for http, the asset limit and warning defaulted.
@Suite struct PageKindTests {
    @Test func pageJoinsItsPathAndDefaultsItsLimits() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - page:
                  - page: {url: "https://shop.acme.example/", maxAssets: 50}
                    name: shop
            """)
        #expect(checks.map(\.spec) == [
            .page(PageCheckSpec(url: URL(string: "https://www.acme.example/")!)),
            .page(PageCheckSpec(url: URL(string: "https://shop.acme.example/")!, maxAssets: 50)),
        ])
        #expect(checks.map(\.id) == ["acme/www/page", "acme/www/shop"])
        #expect(PageCheckSpec.defaultMaxAssets == 30)
    }
}
