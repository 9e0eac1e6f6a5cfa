import CurlEngine
import Foundation
import TriageCore

/// The TLS certificate of an https site: trusted, matching the host, and valid for longer than
/// the check's `warnWithin`.
///
/// It runs through libcurl's connect-only mode (TCP and the TLS handshake, no HTTP request) with
/// the certificate chain collected. Outcomes: `up` when the certificate is valid beyond
/// `warnWithin`; `degraded` when it is valid but expires within it (visitors are still served,
/// so detection files a YELLOW case, not an outage); `down` with `tlsFailure` when verification
/// fails (expired, untrusted, wrong host), as a visitor's browser refuses the site then.
///
/// A failed verification hides the certificate, so for the reason alone the probe connects a
/// second time without verification, to tell an expired certificate (and since when) apart
/// from the other failures; that second look never changes the outcome.
public struct TLSProbe: Probe {
    let engine: CurlEngine
    let clock: any TriageClock

    public init(engine: CurlEngine, clock: any TriageClock) {
        self.engine = engine
        self.clock = clock
    }

    public func run(_ spec: TLSCheckSpec, for check: Check) async throws -> ProbeResult {
        let startedAt = clock.now
        let response = try await engine.perform(request(for: spec, timeout: check.timeout, verify: true))
        let timings = PhaseTimings(
            dns: response.timings.nameLookup, connect: response.timings.connect, tls: response.timings.appConnect,
            total: response.timings.total
        )
        var result = ProbeResult(checkID: check.id, startedAt: startedAt, outcome: .down, reason: "", timings: timings)
        if let error = response.error {
            result.failure = TransferFailure.classify(error)
            result.reason = TransferFailure.reason(for: error, timeout: check.timeout)
            if error.kind == .tls {
                let remaining = check.timeout - .milliseconds(Int(response.timings.total * 1000))
                let unverified = try await engine.perform(request(for: spec, timeout: remaining, verify: false))
                result.certificateExpiresAt = ServerCertificate(chain: unverified.certificates)?.expiresAt
                if let expiresAt = result.certificateExpiresAt, expiresAt <= startedAt {
                    result.reason = "certificate expired on \(Self.day(expiresAt)) (\(error.message))"
                }
            }
            return result
        }
        guard let certificate = ServerCertificate(chain: response.certificates) else {
            result.failure = .protocolError
            result.reason = "the server's certificate could not be read"
            return result
        }
        judge(certificate, spec: spec, into: &result)
        return result
    }

    /// Up or degraded, by the time the verified certificate has left.
    private func judge(_ certificate: ServerCertificate, spec: TLSCheckSpec, into result: inout ProbeResult) {
        let left = certificate.expiresAt.timeIntervalSince(result.startedAt)
        let days = Int((left / 86_400).rounded(.down))
        let day = Self.day(certificate.expiresAt)
        result.certificateExpiresAt = certificate.expiresAt
        if left <= spec.warnWithin.inSeconds {
            result.outcome = .degraded
            result.reason = "certificate expires in \(days) days (\(day))"
        } else {
            result.outcome = .up
            result.reason = "certificate of \(certificate.subject) valid until \(day) (\(days) days)"
        }
    }

    func request(for spec: TLSCheckSpec, timeout: Duration, verify: Bool) -> CurlRequest {
        var request = CurlRequest(url: spec.url.absoluteString, timeout: timeout)
        request.connectOnly = true
        request.certificateInfo = true
        request.followRedirects = false
        request.verifyTLS = verify
        request.caFile = spec.caFile
        return request
    }

    /// A date as `2026-12-01`, in UTC, as certificates state their validity.
    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
