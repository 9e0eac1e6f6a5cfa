import CurlEngine
import Foundation
import Logging
import Probes
import Testing
import TriageCore
import TriageTesting

/// The mail round trip through the test Postfix into the test Dovecot: delivered, slow, never
/// delivered (a recipient Postfix accepts but cannot deliver), and failures on either side.
@Suite("Mail round trip")
struct MailProbeTests {
    let engine: CurlEngine
    let probe: MailProbe

    init() throws {
        engine = try CurlEngine(logger: Logger(label: "test"))
        probe = MailProbe(engine: engine, clock: SystemClock())
    }

    /// A round trip from and to the test user, logged in on both sides.
    func spec(
        to recipient: String? = nil, smtpPassword: String? = nil, imapPassword: String? = nil, warnAfter: Duration = .seconds(60)
    ) throws -> MailCheckSpec {
        let smtp = try MailTest.server(MailTest.url(TestServers.smtp, "TRIAGE_TEST_SMTP"), login: MailTest.login(password: smtpPassword))
        let imap = try MailTest.server(MailTest.url(TestServers.imaps, "TRIAGE_TEST_IMAPS"), login: MailTest.login(password: imapPassword))
        let envelope = MailEnvelope(from: try MailTest.user, to: [try recipient ?? MailTest.user])
        return MailCheckSpec(smtp: smtp, imap: imap, envelope: envelope, warnAfter: warnAfter, pollEvery: .seconds(1))
    }

    func run(_ spec: MailCheckSpec, name: String, timeout: Duration = .seconds(20)) async throws -> ProbeResult {
        try await probe.run(spec, for: MailTest.check(.mail(spec), name: name, timeout: timeout))
    }

    /// The UIDs of the messages still tagged for `checkID` in the test user's INBOX.
    func leftovers(of checkID: String) async throws -> [String] {
        let spec = try spec()
        var request = CurlRequest(url: "\(spec.imap.address)/INBOX", timeout: .seconds(10))
        request.username = spec.imap.login?.username
        request.password = spec.imap.login?.password.value
        request.caFile = spec.imap.caFile
        request.customRequest = "UID SEARCH HEADER X-Triage-Probe \"\(checkID) \""
        let response = try await engine.perform(request)
        #expect(response.error == nil)
        return String(decoding: response.body, as: UTF8.self).split(separator: " ").dropFirst(2).map(String.init)
    }

    @Test func aDeliveredMessageIsUpWithItsDeliveryTimeAndIsDeleted() async throws {
        let name = "roundtrip-\(UUID().uuidString.prefix(8).lowercased())"
        let result = try await run(try spec(), name: name)
        #expect(result.outcome == .up, "\(result.reason)")
        #expect(result.reason.hasPrefix("delivered to INBOX in "))
        #expect(result.statusCode == 250)
        #expect(result.timings.total < 20)
        #expect(try await leftovers(of: "acme/mail/\(name)").isEmpty)
    }

    @Test func aDeliverySlowerThanWarnAfterIsDegraded() async throws {
        let result = try await run(try spec(warnAfter: .zero), name: "slow")
        #expect(result.outcome == .degraded, "\(result.reason)")
        #expect(result.failure == nil)
        #expect(result.reason.contains(" s, slower than 0 s"))
    }

    @Test func aMessageThatNeverArrivesIsNotDeliveredWithinTheTimeout() async throws {
        let result = try await run(try spec(to: MailTest.address("blackhole")), name: "blackhole", timeout: .seconds(4))
        #expect(result.outcome == .down)
        #expect(result.failure == .notDelivered)
        #expect(result.reason.hasPrefix("sent to blackhole@"))
        #expect(result.reason.contains("but not in INBOX after "))
        // About the 4 s timeout, with room for a loaded machine: a probe that waited on would take far longer.
        #expect(result.timings.total < 8)
    }

    @Test func aRejectedSubmissionIsDownWithTheSMTPReason() async throws {
        let password = "wrong-\(UUID().uuidString)"
        let rejected = try await run(try spec(smtpPassword: password), name: "smtp-login")
        #expect(rejected.failure == .authRejected)
        #expect(rejected.reason.hasPrefix("could not send: login rejected: 535"))
        #expect(!rejected.reason.contains(password))
        let refused = try await run(try spec(to: MailTest.address("nobody")), name: "smtp-rcpt")
        #expect(refused.failure == .mailRejected)
        #expect(refused.reason.hasPrefix("could not send: mail refused by the server: 550"))
    }

    @Test func anUnreadableMailboxIsDownAfterSending() async throws {
        let name = "imap-login"
        let result = try await run(try spec(imapPassword: "wrong-password"), name: name)
        #expect(result.outcome == .down)
        #expect(result.failure == .authRejected)
        #expect(result.reason == "sent, but INBOX could not be searched: login rejected: NO [AUTHENTICATIONFAILED] Authentication failed.")
        // The message that could not be found is cleaned up by the check's next successful round
        // trip, once delivered: wait for it first, or on a busy machine it may land after the cleanup.
        let deadline = ContinuousClock.now + .seconds(15)
        var left = try await leftovers(of: "acme/mail/\(name)")
        while left.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            left = try await leftovers(of: "acme/mail/\(name)")
        }
        try #require(!left.isEmpty, "the first message arrived")
        let next = try await run(try spec(), name: name)
        #expect(next.outcome == .up)
        let after = try await leftovers(of: "acme/mail/\(name)")
        #expect(Set(after).isDisjoint(with: left), "the earlier message is gone: left \(left), now \(after)")
    }
}
