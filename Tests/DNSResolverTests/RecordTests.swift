import DNSResolver
import Testing
import TriageTesting

/// Every record type against the test dnsmasq, whose records are in scripts/servers/dns/records.conf.
@Suite("Records of each type from a real name server")
struct RecordTests {
    @Test("A: every address of the name")
    func addresses() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .a)
        #expect(response.error == nil)
        #expect(response.responseCode == 0)
        #expect(Set(response.records) == [.a("192.0.2.10"), .a("192.0.2.11")])
        #expect(response.duration > 0 && response.duration < 1)
    }

    @Test("AAAA: the IPv6 address in its canonical form")
    func ipv6() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .aaaa)
        #expect(response.records == [.aaaa("2001:db8::10")])
    }

    @Test("CNAME: the alias's target")
    func alias() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsAlias, "TRIAGE_TEST_DNS_ALIAS", .cname)
        #expect(response.records == [.cname("www.acme.test")])
    }

    @Test("A through an alias: the target's addresses")
    func addressesThroughAlias() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsAlias, "TRIAGE_TEST_DNS_ALIAS", .a)
        #expect(Set(response.records) == [.a("192.0.2.10"), .a("192.0.2.11")])
    }

    @Test("MX: preference and host of each exchanger")
    func mailExchangers() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .mx)
        #expect(Set(response.records) == [.mx(preference: 10, host: "mail.acme.test"), .mx(preference: 20, host: "backup-mx.acme.test")])
        #expect(Set(response.records.map(\.description)) == ["10 mail.acme.test", "20 backup-mx.acme.test"])
    }

    @Test("TXT: one text per record, its character strings joined")
    func texts() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .txt)
        #expect(Set(response.records) == [.txt("v=spf1 mx -all"), .txt("site-verification=acme-1234")])
    }

    @Test("NS: the zone's name servers")
    func nameServers() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .ns)
        #expect(Set(response.records) == [.ns("ns1.acme.test"), .ns("ns2.acme.test")])
    }

    @Test("a name written in capitals with the root's dot is the same name")
    func nameCase() async throws {
        let response = try await ask(try makeResolver(), "SHOP.Acme.Test.", "TRIAGE_TEST_DNS_ALIAS", .cname)
        #expect(response.records == [.cname("www.acme.test")])
    }
}
