import Foundation
import Scheduler
import Testing
import TicketStore
import TriageCore
import TriageTesting

/// The whole chain for mail against the real test Dovecot: an IMAP check whose login is refused
/// opens one RED incident filed under mail-send-receive, not site-down.
struct RealMailTests {
    @Test func aRefusedMailLoginOpensAMailIncident() async throws {
        let url = URL(string: try TestServers.require(TestServers.imap, "TRIAGE_TEST_IMAP"))!
        let user = try TestServers.require(TestServers.mailUser, "TRIAGE_TEST_MAIL_USER")
        let login = MailLogin(username: user, password: Secret("not-the-password", origin: "the test"))
        let check = Check(
            targetID: "acme/mail", customer: "acme", name: "imap", spec: .imap(IMAPCheckSpec(server: MailServer(url: url, login: login))),
            interval: .seconds(1), timeout: .seconds(5), detection: DetectionSettings(recheckDelay: .milliseconds(200))
        )
        let chain = try await RealChain.start(check)
        defer { chain.stop() }
        let store = chain.store

        try await waitUntil { try await store.tickets(TicketFilter()).first?.status == .open }
        let incident = try #require(try await store.tickets(TicketFilter()).first)
        #expect(incident.caseID == .mailSendReceive)
        #expect(incident.code == .red)
        #expect(incident.summary == "acme/mail/imap: unable to send or receive e-mail: "
            + "login rejected: NO [AUTHENTICATIONFAILED] Authentication failed.")
        #expect(!incident.summary.contains("not-the-password"))
    }
}
