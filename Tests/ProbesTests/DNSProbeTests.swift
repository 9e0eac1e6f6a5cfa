import DNSResolver
import Foundation
import Glibc
import Logging
@testable import Probes
import Testing
import TriageCore
import TriageTesting

/// The DNS probe against the real test dnsmasq (records in scripts/servers/dns/records.conf), a
/// name it never answers for, and a port where nothing listens.
@Suite("DNS probe")
struct DNSProbeTests {
    let resolver: DNSResolver
    let probe: DNSProbe
    let server: DNSCheckSpec.Server

    init() throws {
        resolver = try DNSResolver(logger: Logger(label: "test"))
        probe = DNSProbe(resolver: resolver, clock: SystemClock())
        let address = try TestServers.require(TestServers.dns, "TRIAGE_TEST_DNS").split(separator: ":")
        server = DNSCheckSpec.Server(address: String(address[0]), port: Int(address[1]) ?? 53)
    }

    func run(
        _ name: String?, _ variable: String, _ type: DNSCheckSpec.RecordType = .a, expect: [String] = [],
        server: DNSCheckSpec.Server? = nil, timeout: Duration = .seconds(5)
    ) async throws -> ProbeResult {
        let spec = DNSCheckSpec(
            name: try TestServers.require(name, variable), type: type, expect: expect, server: server ?? self.server
        )
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "dns", spec: .dns(spec), interval: .seconds(60),
            timeout: timeout, detection: .standard
        )
        return try await probe.run(spec, for: check)
    }

    @Test func anExpectedAddressAmongTheAnswerIsUpWithEveryRecordInTheReason() async throws {
        let result = try await run(TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", expect: ["192.0.2.10"])
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.statusCode == 0)
        #expect(result.reason.hasPrefix("A www.acme.test: 192.0.2.1"))
        #expect(result.reason.contains("192.0.2.10") && result.reason.contains("192.0.2.11"))
        #expect(result.reason.hasSuffix("(from \(server))"))
        #expect(result.timings.dns > 0 && result.timings.dns == result.timings.total)
        #expect(result.checkID == "acme/www/dns")
    }

    @Test func withoutExpectAnyRecordOfTheTypeIsUp() async throws {
        let result = try await run(TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .ns)
        #expect(result.outcome == .up)
        #expect(result.reason.contains("ns1.acme.test") && result.reason.contains("ns2.acme.test"))
    }

    @Test func eachTypeMatchesItsExpectedRecords() async throws {
        let cases: [(String?, String, DNSCheckSpec.RecordType, [String])] = [
            (TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .aaaa, ["2001:db8::10"]),
            (TestServers.dnsAlias, "TRIAGE_TEST_DNS_ALIAS", .cname, ["www.acme.test"]),
            (TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .mx, ["10 mail.acme.test", "backup-mx.acme.test"]),
            (TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .txt, ["v=spf1 mx -all"]),
            (TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .ns, ["ns1.acme.test", "ns2.acme.test"]),
        ]
        for (name, variable, type, expect) in cases {
            let result = try await run(name, variable, type, expect: expect)
            #expect(result.outcome == .up, "\(type.rawValue): \(result.reason)")
        }
    }

    @Test func aMissingExpectedRecordIsAWrongAnswerNamingExpectedAndGot() async throws {
        let result = try await run(TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", expect: ["192.0.2.10", "192.0.2.99"])
        #expect(result.outcome == .down)
        #expect(result.failure == .contentMismatch)
        #expect(result.statusCode == 0)
        #expect(result.reason.hasPrefix("A www.acme.test: expected 192.0.2.99, got 192.0.2.1"))
        let mx = try await run(TestServers.dnsDomain, "TRIAGE_TEST_DNS_DOMAIN", .mx, expect: ["20 mail.acme.test"])
        #expect(mx.failure == .contentMismatch, "an MX written with a preference must have that preference")
    }

    @Test func aNameThatDoesNotExistIsNXDOMAIN() async throws {
        let result = try await run(TestServers.dnsMissing, "TRIAGE_TEST_DNS_MISSING")
        #expect(result.outcome == .down)
        #expect(result.failure == .dnsFailure)
        #expect(result.statusCode == 3)
        #expect(result.reason == "missing.acme.test does not exist (NXDOMAIN from \(server))")
    }

    @Test func aNameWithoutRecordsOfTheTypeIsNODATA() async throws {
        let result = try await run(TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", .mx)
        #expect(result.failure == .dnsFailure)
        #expect(result.statusCode == 0)
        #expect(result.reason == "www.acme.test has no MX record (NODATA from \(server))")
    }

    @Test func aRefusedQuestionIsADNSFailureWithItsCode() async throws {
        let result = try await run(TestServers.dnsRefused, "TRIAGE_TEST_DNS_REFUSED")
        #expect(result.failure == .dnsFailure)
        #expect(result.statusCode == 5)
        #expect(result.reason == "\(server) refused to answer for www.elsewhere.test (REFUSED)")
    }

    @Test func aServerThatNeverAnswersTimesOutWithinTheCheckTimeout() async throws {
        let started = ContinuousClock.now
        let result = try await run(TestServers.dnsSilent, "TRIAGE_TEST_DNS_SILENT", timeout: .milliseconds(500))
        let elapsed = ContinuousClock.now - started
        #expect(result.failure == .timeout)
        #expect(result.statusCode == nil)
        #expect(result.reason == "no answer from \(server) within 0.5 s")
        #expect(elapsed >= .milliseconds(490))
        #expect(result.timings.total >= 0.49 && result.timings.total < 1.0)
    }

    @Test func aStoppedServerIsRefusedAtOnce() async throws {
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let stopped = DNSCheckSpec.Server(address: "127.0.0.1", port: port)
        let result = try await run(TestServers.dnsHost, "TRIAGE_TEST_DNS_HOST", server: stopped)
        #expect(result.failure == .connectionRefused)
        #expect(result.reason == "nothing answers DNS at 127.0.0.1:\(port) (Could not contact DNS servers: Connection refused)")
        #expect(result.timings.total < 1, "well before the 5 s timeout")
    }

    @Test func cancellingTheProbeThrowsCancellationError() async throws {
        let task = Task { try await run(TestServers.dnsSilent, "TRIAGE_TEST_DNS_SILENT", timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    /// No route can be made on loopback, so this maps the resolver's error as c-ares and the socket report it.
    @Test func anUnreachableNetworkIsItsOwnClass() {
        let error = DNSLookupError(status: 11 /* ARES_ECONNREFUSED */, socketError: ENETUNREACH)
        let question = DNSFailure.Question(spec: DNSCheckSpec(name: "www.acme.test", type: .a, server: .init(address: "192.0.2.53")))
        #expect(DNSFailure.classify(error) == .unreachable)
        #expect(DNSFailure.reason(for: error, question: question, timeout: .seconds(5))
            == "192.0.2.53:53 is unreachable (Could not contact DNS servers: Network is unreachable)")
    }

    @Test func theSystemResolverIsNamedWhenNoServerIsGiven() {
        let question = DNSFailure.Question(spec: DNSCheckSpec(name: "www.acme.test", type: .mx))
        #expect(question.server == "the system resolver")
        #expect(question.type == "MX")
    }
}
