import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The SMTP probe against the test Postfix: STARTTLS and AUTH through Dovecot, implicit TLS, a
/// real submission, and each failure it classifies.
@Suite("SMTP probe")
struct SMTPProbeTests {
    let engine: CurlEngine
    let probe: SMTPProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = SMTPProbe(engine: engine, clock: SystemClock())
    }

    func run(_ spec: SMTPCheckSpec, timeout: Duration = .seconds(10)) async throws -> ProbeResult {
        try await probe.run(spec, for: MailTest.check(.smtp(spec), name: "smtp", timeout: timeout))
    }

    func smtp(password: String? = nil) throws -> MailServer {
        try MailTest.server(MailTest.url(TestServers.smtp, "TRIAGE_TEST_SMTP"), login: MailTest.login(password: password))
    }

    @Test func aHealthyServerAnswersNoopAfterStartTLSAndLogin() async throws {
        let result = try await run(SMTPCheckSpec(server: smtp()))
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.statusCode == 250)
        #expect(result.reason.contains("answered NOOP: 250"))
        #expect(result.timings.tls > 0)
    }

    @Test func implicitTLSIsUpWithTheRightCAAndATLSFailureWithout() async throws {
        let url = try MailTest.url(TestServers.smtps, "TRIAGE_TEST_SMTPS")
        let trusted = try await run(SMTPCheckSpec(server: MailTest.server(url, login: nil)))
        #expect(trusted.outcome == .up)
        let untrusted = try await run(SMTPCheckSpec(server: MailTest.server(url, login: nil, trustTestCA: false)))
        #expect(untrusted.outcome == .down)
        #expect(untrusted.failure == .tlsFailure)
        #expect(untrusted.reason.hasPrefix("TLS failure"))
    }

    @Test func aLoginTheServerNeverOffersIsAFailureNotAPass() async throws {
        let url = try MailTest.url(TestServers.smtps, "TRIAGE_TEST_SMTPS")
        let result = try await run(SMTPCheckSpec(server: MailTest.server(url, login: MailTest.login())))
        #expect(result.outcome == .down)
        #expect(result.failure == .authRejected)
        #expect(result.reason.hasPrefix("login not possible: smtps://localhost:"))
        #expect(result.reason.hasSuffix(" offers no AUTH (after STARTTLS, when required), so the login was never tried"))
    }

    @Test func aRealSubmissionIsAccepted() async throws {
        let envelope = MailEnvelope(from: try MailTest.user, to: [try MailTest.address("blackhole")])
        let result = try await run(SMTPCheckSpec(server: smtp(), send: envelope))
        #expect(result.outcome == .up)
        #expect(result.statusCode == 250)
        #expect(result.reason.contains("accepted a message for blackhole@"))
        #expect(result.reason.contains("queued as"))
    }

    @Test func aWrongPasswordIsAuthRejectedWithTheReplyAndNoPassword() async throws {
        let password = "wrong-\(UUID().uuidString)"
        let result = try await run(SMTPCheckSpec(server: smtp(password: password)))
        #expect(result.outcome == .down)
        #expect(result.failure == .authRejected)
        #expect(result.statusCode == 535)
        #expect(result.reason.hasPrefix("login rejected: 535"))
        #expect(!result.reason.contains(password))
    }

    @Test func anUnknownRecipientIsRejectedWithTheServersCodeAndText() async throws {
        let envelope = MailEnvelope(from: try MailTest.user, to: [try MailTest.address("nobody")])
        let result = try await run(SMTPCheckSpec(server: smtp(), send: envelope))
        #expect(result.outcome == .down)
        #expect(result.failure == .mailRejected)
        #expect(result.statusCode == 550)
        #expect(result.reason.hasPrefix("mail refused by the server: 550 5.1.1 <nobody@"))
        #expect(result.reason.contains("Recipient address rejected"))
    }

    @Test func aStoppedServerIsRefused() async throws {
        let result = try await run(SMTPCheckSpec(server: MailServer(url: MailTest.closed("smtp"))))
        #expect(result.outcome == .down)
        #expect(result.failure == .connectionRefused)
        #expect(result.reason == "connection refused")
    }

    @Test func aServerThatNeverGreetsIsABannerTimeout() async throws {
        let result = try await run(SMTPCheckSpec(server: MailServer(url: MailTest.silent("smtp"))), timeout: .seconds(2))
        #expect(result.outcome == .down)
        #expect(result.failure == .timeout)
        #expect(result.reason == "connected, but the server sent no greeting within 2 s")
        #expect(result.timings.total < 5)
    }
}
