import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// The `dns:` check kind: its defaults from the site, and every value put in the form the
/// resolver answers in, so expected records compare as text.
@Suite struct DNSKindTests {
    @Test func aBareDNSCheckAsksForTheSiteHostsAddressAtTheSystemResolver() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://WWW.Acme.Example/shop
                checks:
                  - dns:
            """)
        #expect(checks.map(\.spec) == [.dns(DNSCheckSpec(name: "www.acme.example", type: .a, expect: [], server: nil))])
        #expect(checks.map(\.id) == ["acme/www/dns"])
        #expect(checks.first?.host == "www.acme.example")
    }

    @Test func namesRecordsAndServersAreNormalised() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                checks:
                  - dns: {name: Acme.Example., type: MX, expect: ["10 Mail.Acme.Example.", backup.acme.example], server: "192.0.2.53:5353"}
                    name: mx
                  - dns: {name: www.acme.example, type: AAAA, expect: "2001:DB8:0:0::10", server: "[2001:db8::53]:53"}
                    name: v6
                  - dns: {name: acme.example, type: TXT, expect: "v=spf1 MX -all", server: "2001:db8::53"}
                    name: spf
                  - dns: {name: shop.acme.example, type: CNAME, expect: WWW.acme.example., server: 127.0.0.1}
                    name: alias
            """)
        #expect(checks.map(\.spec) == [
            .dns(DNSCheckSpec(
                name: "acme.example", type: .mx, expect: ["10 mail.acme.example", "backup.acme.example"],
                server: .init(address: "192.0.2.53", port: 5353)
            )),
            .dns(DNSCheckSpec(
                name: "www.acme.example", type: .aaaa, expect: ["2001:db8::10"], server: .init(address: "2001:db8::53", port: 53)
            )),
            .dns(DNSCheckSpec(
                name: "acme.example", type: .txt, expect: ["v=spf1 MX -all"], server: .init(address: "2001:db8::53", port: 53)
            )),
            .dns(DNSCheckSpec(
                name: "shop.acme.example", type: .cname, expect: ["www.acme.example"], server: .init(address: "127.0.0.1", port: 53)
            )),
        ])
        #expect(checks.map(\.host) == ["192.0.2.53", "2001:db8::53", "2001:db8::53", "127.0.0.1"], "politeness counts per name server")
    }

    @Test func underscoresAreAllowedInNamesForServiceRecords() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                checks:
                  - dns: {name: _dmarc.acme.example, type: TXT}
            """)
        guard case .dns(let spec) = checks.first?.spec else { Issue.record("not a dns check"); return }
        #expect(spec.name == "_dmarc.acme.example")
        #expect(spec.host == "_dmarc.acme.example", "without a server, politeness counts per name")
    }
}
