import Foundation
import TriageCore
import TriageTesting

/// The test Postfix and Dovecot as the mail probes' tests address them: servers from the
/// `TRIAGE_TEST_*` URLs, the test user's login (or a wrong password), and checks around a spec.
enum MailTest {
    static func url(_ value: String?, _ name: String) throws -> URL {
        URL(string: try TestServers.require(value, name))!
    }

    static var user: String {
        get throws { try TestServers.require(TestServers.mailUser, "TRIAGE_TEST_MAIL_USER") }
    }

    static var caFile: String {
        get throws { try TestServers.require(TestServers.caFile, "TRIAGE_TEST_CA_FILE") }
    }

    /// The test user's login; `password` replaces the right one (a wrong password).
    static func login(password: String? = nil) throws -> MailLogin {
        let right = try TestServers.require(TestServers.mailPassword, "TRIAGE_TEST_MAIL_PASSWORD")
        return MailLogin(username: try user, password: Secret(password ?? right, origin: "$TRIAGE_TEST_MAIL_PASSWORD"))
    }

    /// A server at `url` trusting the test CA (unless `trustTestCA` is false), with STARTTLS on plain URLs.
    static func server(_ url: URL, login: MailLogin?, trustTestCA: Bool = true) throws -> MailServer {
        let plain = !(url.scheme ?? "").hasSuffix("s")
        return MailServer(url: url, login: login, startTLS: plain, caFile: trustTestCA ? try caFile : nil)
    }

    /// `smtp://127.0.0.1:PORT/` (or another scheme) on the port where nothing listens.
    static func closed(_ scheme: String) throws -> URL {
        URL(string: "\(scheme)://127.0.0.1:\(try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT"))/")!
    }

    /// The port that accepts connections and never greets.
    static func silent(_ scheme: String) throws -> URL {
        URL(string: "\(scheme)://127.0.0.1:\(try TestServers.require(TestServers.silentPort, "TRIAGE_TEST_SILENT_PORT"))/")!
    }

    /// An address of the test domain: `blackhole` is accepted and never delivered, others are refused.
    static func address(_ local: String) throws -> String {
        "\(local)@\(try TestServers.require(TestServers.mailDomain, "TRIAGE_TEST_MAIL_DOMAIN"))"
    }

    static func check(_ spec: CheckSpec, name: String, timeout: Duration = .seconds(10)) -> Check {
        Check(
            targetID: "acme/mail", customer: "acme", name: name, spec: spec, interval: .seconds(300), timeout: timeout,
            detection: .standard
        )
    }
}
