import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The IMAP and POP3 probes against the test Dovecot: login, mailbox, STARTTLS and implicit TLS,
/// and each failure they classify.
@Suite("IMAP and POP3 probes")
struct MailboxProbeTests {
    let imap: IMAPProbe
    let pop3: POP3Probe

    init() throws {
        let engine = try CurlEngine(logger: Logger(label: "test"))
        imap = IMAPProbe(engine: engine, clock: SystemClock())
        pop3 = POP3Probe(engine: engine, clock: SystemClock())
    }

    func run(_ spec: IMAPCheckSpec, timeout: Duration = .seconds(10)) async throws -> ProbeResult {
        try await imap.run(spec, for: MailTest.check(.imap(spec), name: "imap", timeout: timeout))
    }

    func run(_ spec: POP3CheckSpec) async throws -> ProbeResult {
        try await pop3.run(spec, for: MailTest.check(.pop3(spec), name: "pop3"))
    }

    func imapServer(_ variable: String? = TestServers.imap, _ name: String = "TRIAGE_TEST_IMAP", password: String? = nil) throws -> MailServer {
        try MailTest.server(MailTest.url(variable, name), login: MailTest.login(password: password))
    }

    func pop3Server(_ variable: String? = TestServers.pop3, _ name: String = "TRIAGE_TEST_POP3", password: String? = nil) throws -> MailServer {
        try MailTest.server(MailTest.url(variable, name), login: MailTest.login(password: password))
    }

    @Test func imapLogsInOverStartTLSAndOpensTheInbox() async throws {
        let result = try await run(IMAPCheckSpec(server: imapServer()))
        #expect(result.outcome == .up)
        #expect(result.reason.contains("INBOX opened: "))
        #expect(result.reason.contains(" messages"))
        #expect(result.timings.tls > 0)
    }

    @Test func imapOverImplicitTLSNeedsTheRightCA() async throws {
        let trusted = try await run(IMAPCheckSpec(server: imapServer(TestServers.imaps, "TRIAGE_TEST_IMAPS")))
        #expect(trusted.outcome == .up)
        let url = try MailTest.url(TestServers.imaps, "TRIAGE_TEST_IMAPS")
        let untrusted = try await run(IMAPCheckSpec(server: MailTest.server(url, login: MailTest.login(), trustTestCA: false)))
        #expect(untrusted.failure == .tlsFailure)
    }

    @Test func imapWithAWrongPasswordIsAuthRejected() async throws {
        let password = "wrong-\(UUID().uuidString)"
        let result = try await run(IMAPCheckSpec(server: imapServer(password: password)))
        #expect(result.outcome == .down)
        #expect(result.failure == .authRejected)
        #expect(result.reason == "login rejected: NO [AUTHENTICATIONFAILED] Authentication failed.")
    }

    @Test func aMissingMailboxIsDownWithTheServersWords() async throws {
        let result = try await run(IMAPCheckSpec(server: imapServer(), mailbox: "Archive \"2019\""))
        #expect(result.outcome == .down)
        #expect(result.failure == .protocolError)
        #expect(result.reason.hasPrefix("the server refused: NO Mailbox doesn't exist: Archive \"2019\""))
    }

    @Test func aStoppedIMAPServerIsRefusedAndASilentOneTimesOut() async throws {
        let refused = try await run(IMAPCheckSpec(server: MailServer(url: MailTest.closed("imap"), login: MailTest.login())))
        #expect(refused.failure == .connectionRefused)
        let silent = try await run(
            IMAPCheckSpec(server: MailServer(url: MailTest.silent("imaps"), login: MailTest.login())), timeout: .seconds(1)
        )
        #expect(silent.failure == .timeout)
        #expect(silent.reason.hasPrefix("timed out after 1 s"))
    }

    @Test func pop3LogsInOverStartTLSAndListsTheMailbox() async throws {
        let result = try await run(POP3CheckSpec(server: pop3Server()))
        #expect(result.outcome == .up)
        #expect(result.reason.contains("mailbox listed: "))
        #expect(result.timings.tls > 0)
        let implicit = try await run(POP3CheckSpec(server: pop3Server(TestServers.pop3s, "TRIAGE_TEST_POP3S")))
        #expect(implicit.outcome == .up)
    }

    @Test func pop3WithAWrongPasswordIsAuthRejected() async throws {
        let result = try await run(POP3CheckSpec(server: pop3Server(password: "wrong-password")))
        #expect(result.outcome == .down)
        #expect(result.failure == .authRejected)
        #expect(result.reason == "login rejected: -ERR [AUTH] Authentication failed.")
        #expect(!result.reason.contains("wrong-password"))
    }

    @Test func aStoppedPOP3ServerIsRefused() async throws {
        let result = try await run(POP3CheckSpec(server: MailServer(url: MailTest.closed("pop3"), login: MailTest.login())))
        #expect(result.failure == .connectionRefused)
    }
}
