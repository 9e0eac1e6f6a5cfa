import CAres
import DNSResolver
import Glibc
import Testing
import TriageTesting

/// Each way a lookup fails, against the real dnsmasq or a port where nothing listens.
@Suite("Failed lookups, each with its kind")
struct FailureTests {
    @Test("a name that does not exist is NXDOMAIN")
    func nameNotFound() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsMissing, "TRIAGE_TEST_DNS_MISSING", .a)
        #expect(response.error?.kind == .nameNotFound)
        #expect(response.responseCode == 3)
        #expect(response.records.isEmpty)
    }

    @Test("a name without a record of the type is NODATA")
    func noData() async throws {
        let resolver = try makeResolver()
        let mx = try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .mx)
        #expect(mx.error?.kind == .noData)
        #expect(mx.responseCode == 0)
        let cname = try await ask(resolver, TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .cname)
        #expect(cname.error?.kind == .noData, "www is no alias")
    }

    @Test("a server that refuses the question is REFUSED, at once")
    func refused() async throws {
        let response = try await ask(try makeResolver(), TestServers.dnsRefused, "TRIAGE_TEST_DNS_REFUSED", .a)
        #expect(response.error?.kind == .refused)
        #expect(response.responseCode == 5)
        #expect(response.duration < 1, "well before the 5 s timeout")
    }

    @Test("a server that never answers ends as a timeout at the query's timeout")
    func timeout() async throws {
        let (response, elapsed) = try await timed {
            try await ask(try makeResolver(), TestServers.dnsSilent, "TRIAGE_TEST_DNS_SILENT", .a, timeout: .milliseconds(400))
        }
        #expect(response.error?.kind == .timeout)
        #expect(response.responseCode == nil)
        #expect(elapsed >= .milliseconds(390))
        #expect(response.duration >= 0.39 && response.duration < 1)
    }

    @Test("a stopped server (nothing on its port) fails fast as connection refused, with the socket's error")
    func stopped() async throws {
        let query = DNSQuery(name: "www.acme.test", type: .a, server: try stoppedServer(), timeout: .seconds(5))
        let response = try await makeResolver().resolve(query)
        #expect(response.error?.kind == .connectionRefused)
        #expect(response.error?.socketError == ECONNREFUSED)
        #expect(response.error?.message.contains("Connection refused") == true)
        #expect(response.duration < 1, "well before the 5 s timeout")
    }

    @Test("c-ares statuses and socket errors map to kinds", arguments: [
        (ARES_ENOTFOUND, 0, DNSLookupError.Kind.nameNotFound),
        (ARES_ENODATA, 0, .noData),
        (ARES_ESERVFAIL, 0, .serverFailure),
        (ARES_EREFUSED, 0, .refused),
        (ARES_EFORMERR, 0, .badResponse),
        (ARES_ENOTIMP, 0, .badResponse),
        (ARES_EBADRESP, 0, .badResponse),
        (ARES_ETIMEOUT, 0, .timeout),
        (ARES_ECONNREFUSED, 0, .connectionRefused),
        (ARES_ECONNREFUSED, ECONNREFUSED, .connectionRefused),
        (ARES_ECONNREFUSED, ENETUNREACH, .unreachable),
        (ARES_ECONNREFUSED, EHOSTUNREACH, .unreachable),
        (ARES_EBADNAME, 0, .badName),
        (ARES_ENOMEM, 0, .other),
    ] as [(Int32, Int32, DNSLookupError.Kind)])
    func kinds(status: Int32, socketError: Int32, kind: DNSLookupError.Kind) {
        #expect(DNSLookupError(status: status, socketError: socketError).kind == kind)
    }

    @Test("the message names the socket error")
    func message() {
        let error = DNSLookupError(status: ARES_ECONNREFUSED, socketError: ENETUNREACH)
        #expect(error.message == "Could not contact DNS servers: Network is unreachable")
    }
}
