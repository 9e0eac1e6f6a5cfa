import DNSResolver
import Foundation
import TriageCore

/// A DNS lookup: the check's name must resolve to records of its type, every `expect`ed one
/// among them, at the check's name server or the system's resolvers.
///
/// It asks through ``DNSResolver`` (c-ares on one I/O thread, one channel per query), so a
/// probe holds no thread and ends by the check's timeout. Outcomes: `up` with the records in
/// the reason; `down` with the DNS response code as `statusCode` (0 NOERROR, 3 NXDOMAIN, ...) and
/// a failure class: `dns` for NXDOMAIN, no record of the type (NODATA), SERVFAIL and REFUSED;
/// `content` for an answer without an expected record (expected and got in the reason);
/// `timeout` when no server answered; `refused` when nothing serves DNS at the server's port;
/// `unreachable` when the network or host of the server cannot be reached. Detection files the
/// last as a network failure and the others as site-down.
public struct DNSProbe: Probe {
    let resolver: DNSResolver
    let clock: any TriageClock

    public init(resolver: DNSResolver, clock: any TriageClock) {
        self.resolver = resolver
        self.clock = clock
    }

    public func run(_ spec: DNSCheckSpec, for check: Check) async throws -> ProbeResult {
        let startedAt = clock.now
        let response = try await resolver.resolve(query(for: spec, timeout: check.timeout))
        let timings = PhaseTimings(dns: response.duration, total: response.duration)
        var result = ProbeResult(
            checkID: check.id, startedAt: startedAt, outcome: .down, reason: "", statusCode: response.responseCode, timings: timings
        )
        let question = DNSFailure.Question(spec: spec)
        if let error = response.error {
            result.failure = DNSFailure.classify(error)
            result.reason = DNSFailure.reason(for: error, question: question, timeout: check.timeout)
            return result
        }
        let got = response.records.map(\.description).joined(separator: ", ")
        let missing = spec.expect.filter { wanted in !response.records.contains { Self.record($0, matches: wanted) } }
        guard missing.isEmpty else {
            result.failure = .contentMismatch
            result.reason = "\(question.type) \(question.name): expected \(missing.joined(separator: ", ")), got \(got) (from \(question.server))"
            return result
        }
        result.outcome = .up
        result.reason = "\(question.type) \(question.name): \(got) (from \(question.server))"
        return result
    }

    /// Whether `record` is the expected one; an MX written without its preference matches any.
    static func record(_ record: DNSRecord, matches wanted: String) -> Bool {
        if case .mx(_, let host) = record, !wanted.contains(" ") { return host == wanted }
        return record.description == wanted
    }

    func query(for spec: DNSCheckSpec, timeout: Duration) -> DNSQuery {
        let type: DNSRecordType = switch spec.type {
        case .a: .a
        case .aaaa: .aaaa
        case .cname: .cname
        case .mx: .mx
        case .txt: .txt
        case .ns: .ns
        }
        let server = spec.server.map { DNSServer(address: $0.address, port: $0.port) }
        return DNSQuery(name: spec.name, type: type, server: server, timeout: timeout)
    }
}
