import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// The `smtp:`, `imap:`, `pop3:` and `mail:` check kinds: their specs, passwords from the
/// environment, and each error message pinned.
@Suite struct MailKindsTests {
    let environment = ["ACME_MAIL_PASSWORD": "s3cret-from-env"]

    func checks(_ checks: String) throws -> [Check] {
        try ConfigLoader.parseProbes(yaml: file(checks), file: "probes/acme.yml", settings: TriageSettings(), environment: environment)
            .flatMap(\.checks)
    }

    func errors(_ checks: String) -> [String] {
        do {
            _ = try ConfigLoader.parseProbes(yaml: file(checks), file: "probes/acme.yml", settings: TriageSettings(), environment: environment)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// A probe file with one site whose `checks:` are `checks` (indented by the caller as list items at 6 spaces).
    func file(_ checks: String) -> String {
        "customer: acme\nsites:\n  - name: mail\n    checks:\n" + checks
    }

    var login: MailLogin { MailLogin(username: "probe@acme.example", password: Secret("s3cret-from-env", origin: "$ACME_MAIL_PASSWORD")) }

    @Test func smtpImapAndPop3DecodeTheirServers() throws {
        let decoded = try checks("""
                  - smtp: {url: "smtp://mail.acme.example:587/", starttls: true, username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
                  - smtp: {url: "smtps://mail.acme.example/", send: {from: probe@acme.example, to: [sink@acme.example, b@acme.example]}}
                    name: submit
                  - imap: {url: "imaps://mail.acme.example/", username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}, mailbox: Archive, caFile: /etc/ca.pem}
                  - pop3: {url: "pop3://mail.acme.example/", starttls: true, verifyTLS: false, username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
            """)
        let url = { (text: String) in URL(string: text)! }
        #expect(decoded.map(\.spec) == [
            .smtp(SMTPCheckSpec(server: MailServer(url: url("smtp://mail.acme.example:587/"), login: login, startTLS: true))),
            .smtp(SMTPCheckSpec(
                server: MailServer(url: url("smtps://mail.acme.example/")),
                send: MailEnvelope(from: "probe@acme.example", to: ["sink@acme.example", "b@acme.example"])
            )),
            .imap(IMAPCheckSpec(server: MailServer(url: url("imaps://mail.acme.example/"), login: login, caFile: "/etc/ca.pem"), mailbox: "Archive")),
            .pop3(POP3CheckSpec(server: MailServer(url: url("pop3://mail.acme.example/"), login: login, startTLS: true, verifyTLS: false))),
        ])
        #expect(decoded.map(\.id) == ["acme/mail/smtp", "acme/mail/submit", "acme/mail/imap", "acme/mail/pop3"])
        #expect(decoded.map(\.host) == Array(repeating: "mail.acme.example", count: 4))
    }

    @Test func mailDecodesARoundTripWithItsDefaults() throws {
        let decoded = try checks("""
                  - mail:
                      smtp: {url: "smtp://mail.acme.example:587/", starttls: true}
                      imap: {url: "imaps://mail.acme.example/", username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
                      to: probe@acme.example
                    timeout: 90s
                  - mail:
                      smtp: {url: "smtp://mail.acme.example/"}
                      imap: {url: "imap://mail.acme.example/", username: probe@acme.example, password: inline-secret, mailbox: Probes}
                      from: sender@acme.example
                      to: probe@acme.example
                      warnAfter: 20s
                      pollEvery: 5s
                    name: slowpoll
            """)
        guard case .mail(let first) = decoded[0].spec, case .mail(let second) = decoded[1].spec else {
            Issue.record("not mail checks")
            return
        }
        #expect(first.envelope == MailEnvelope(from: "probe@acme.example", to: ["probe@acme.example"]))
        #expect(first.mailbox == "INBOX")
        #expect(first.warnAfter == .seconds(60))
        #expect(first.pollEvery == .seconds(2))
        #expect(first.smtp.startTLS)
        #expect(first.imap.login == login)
        #expect(decoded[0].timeout == .seconds(90))
        #expect(second.envelope.from == "sender@acme.example")
        #expect(second.mailbox == "Probes")
        #expect(second.warnAfter == .seconds(20))
        #expect(second.pollEvery == .seconds(5))
        #expect(second.imap.login?.password == Secret("inline-secret", origin: "the configuration"))
    }

    @Test func aPasswordIsNeverPrinted() throws {
        let decoded = try checks("""
                  - imap: {url: "imap://mail.acme.example/", username: probe@acme.example, password: {env: ACME_MAIL_PASSWORD}}
            """)
        let printed = "\(decoded) \(String(reflecting: decoded))"
        var dumped = ""
        dump(decoded, to: &dumped)
        #expect(!printed.contains("s3cret-from-env"))
        #expect(!dumped.contains("s3cret-from-env"))
        #expect(printed.contains("(secret from $ACME_MAIL_PASSWORD)"))
        #expect(Secret("hunter22", origin: "x").masking(in: "535 bad password hunter22") == "535 bad password ****")
    }

    @Test(arguments: [
        (
            "  - smtp: {url: \"http://mail.acme.example/\"}\n",
            "probes/acme.yml:5: sites[0].checks[0].smtp.url: \"http://mail.acme.example/\" is not a URL of smtp:// or smtps://; "
                + "write the server's URL with scheme and host, such as smtp://mail.example.com/"
        ),
        (
            "  - imap: {url: \"imap://probe:pw@mail.acme.example/\", username: a@acme.example, password: x}\n",
            "probes/acme.yml:5: sites[0].checks[0].imap.url: holds a login; write the server only, and the login in username: and password:"
        ),
        (
            "  - imap: {url: \"imap://mail.acme.example/INBOX\", username: a@acme.example, password: x}\n",
            "probes/acme.yml:5: sites[0].checks[0].imap.url: \"imap://mail.acme.example/INBOX\" has a path; "
                + "write the server only, such as imap://mail.example.com/"
        ),
        (
            "  - pop3: {url: \"pop3://mail.acme.example/\", username: a@acme.example}\n",
            "probes/acme.yml:5: sites[0].checks[0].pop3.password: is required; add it, such as password: {env: MAIL_PASSWORD}"
        ),
        (
            "  - imap: {url: \"imap://mail.acme.example/\", username: a@acme.example, password: {env: NOT_SET_ANYWHERE}}\n",
            "probes/acme.yml:5: sites[0].checks[0].imap.password: environment variable NOT_SET_ANYWHERE is not set; "
                + "export it where triage runs, such as NOT_SET_ANYWHERE=... triage run, or write {file: PATH}"
        ),
        (
            "  - imap: {url: \"imap://mail.acme.example/\", username: a@acme.example, password: {env: 1-bad}}\n",
            "probes/acme.yml:5: sites[0].checks[0].imap.password.env: \"1-bad\" is not an environment variable name; "
                + "write letters, digits and underscores, such as MAIL_PASSWORD"
        ),
        (
            "  - smtp: {url: \"smtps://mail.acme.example/\", starttls: true}\n",
            "probes/acme.yml:5: sites[0].checks[0].smtp.starttls: applies to smtp:// URLs only; "
                + "smtps://... speaks TLS from the start: remove starttls"
        ),
        (
            "  - smtp: {url: \"smtp://mail.acme.example/\", send: {from: probe, to: b@acme.example}}\n",
            "probes/acme.yml:5: sites[0].checks[0].smtp.send.from: \"probe\" is not an e-mail address; write one such as probe@example.com"
        ),
        (
            "  - smtp: {url: \"smtp://mail.acme.example/\", timeout: 5s}\n",
            "probes/acme.yml:5: sites[0].checks[0].smtp.timeout: is not allowed here; timeout belongs to the check: write it beside smtp:, not inside it"
        ),
    ])
    func eachMistakeIsReported(yaml: String, message: String) {
        #expect(errors("    " + yaml) == [message])
    }

    @Test func aRoundTripNeedsATimeoutLongerThanWarnAfter() {
        let mail = """
                  - mail:
                      smtp: {url: "smtp://mail.acme.example/"}
                      imap: {url: "imap://mail.acme.example/", username: a@acme.example, password: x}
                      to: probe@acme.example
            """
        #expect(errors(mail + "\n") == [
            "probes/acme.yml:6: sites[0].checks[0].mail: the round trip ends at the check's timeout (30s), which is not longer than "
                + "warnAfter (60s): a delivery slower than warnAfter would time out and count as not delivered, never as slow; "
                + "write timeout: 120s beside mail:, or a shorter warnAfter",
        ])
        #expect(errors(mail + "\n        timeout: 45s\n") == [
            "probes/acme.yml:9: sites[0].checks[0].timeout: 45s is not longer than mail.warnAfter (60s): a delivery slower than "
                + "warnAfter would time out and count as not delivered, never as slow; raise it above 60s or lower warnAfter",
        ])
        #expect(errors(mail + "\n          warnAfter: 40s\n") == [
            "probes/acme.yml:9: sites[0].checks[0].mail.warnAfter: 40s is not shorter than the check's timeout (30s): a delivery "
                + "slower than warnAfter would time out and count as not delivered, never as slow; lower it or write a longer "
                + "timeout: beside mail:",
        ])
        #expect(errors(mail + "\n          warnAfter: 20s\n").isEmpty)
    }
}
