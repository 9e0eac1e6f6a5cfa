import Detection
import Foundation
import Testing
import TriageCore

/// Mail checks' findings: outages filed under mail-send-receive, no web-only rule on mail, and
/// the YELLOW slow delivery of round trips. Results are fed by hand.
struct MailDetectionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    var server: MailServer { MailServer(url: URL(string: "smtp://mail.acme.example:587/")!) }

    func check(_ spec: CheckSpec, name: String) -> Check {
        Check(
            targetID: "acme/mail", customer: "acme", name: name, spec: spec, interval: .seconds(300), timeout: .seconds(120),
            detection: .standard
        )
    }

    var roundTrip: Check {
        let envelope = MailEnvelope(from: "probe@acme.example", to: ["probe@acme.example"])
        return check(.mail(MailCheckSpec(smtp: server, imap: server, envelope: envelope)), name: "mail")
    }

    func result(
        _ outcome: ProbeOutcome, at minutes: Double, failure: FailureClass? = nil, status: Int? = nil, total: Double = 1,
        reason: String = "delivered to INBOX in 1.0 s"
    ) -> ProbeResult {
        ProbeResult(
            checkID: "acme/mail/x", startedAt: start.addingTimeInterval(minutes * 60), outcome: outcome, failure: failure,
            reason: reason, statusCode: status, timings: PhaseTimings(total: total)
        )
    }

    @Test func aMailOutageIsFiledUnderMailSendReceiveNotSiteDown() throws {
        var detector = CheckDetector(check: check(.smtp(SMTPCheckSpec(server: server)), name: "smtp"))
        let down = result(.down, at: 0, failure: .connectionRefused, reason: "connection refused")
        #expect(detector.observe(down).recheckSoon)
        let finding = try #require(detector.observe(result(.down, at: 1, failure: .connectionRefused, reason: "connection refused")).raised.first)
        #expect(finding.kind == .down)
        #expect(finding.caseID == .mailSendReceive)
        #expect(finding.code == .red)
        #expect(finding.summary == "acme/mail/smtp: unable to send or receive e-mail: connection refused")
    }

    @Test func aWebOutageStaysSiteDown() throws {
        let web = check(.http(HTTPCheckSpec(url: URL(string: "https://www.acme.example/")!)), name: "http")
        var detector = CheckDetector(check: web)
        _ = detector.observe(result(.down, at: 0, failure: .connectionRefused))
        let finding = try #require(detector.observe(result(.down, at: 1, failure: .connectionRefused)).raised.first)
        #expect(finding.caseID == .siteDown)
        #expect(finding.summary.contains("site down or not visible"))
    }

    @Test func smtpRepliesOf5xxAreRefusalsNotServerErrors() throws {
        var detector = CheckDetector(check: check(.smtp(SMTPCheckSpec(server: server)), name: "smtp"))
        var raised: [Finding] = []
        for minute in 0..<4 {
            raised += detector.observe(result(.down, at: Double(minute), failure: .mailRejected, status: 550)).raised
        }
        #expect(raised.map(\.kind) == [.down])
        #expect(raised.first?.caseID == .mailSendReceive)
    }

    @Test func aLongRoundTripIsNoSlowPageLoad() {
        var detector = CheckDetector(check: roundTrip)
        for minute in 0..<4 {
            #expect(detector.observe(result(.up, at: Double(minute * 5), total: 30)).isQuiet)
        }
    }

    @Test func slowDeliveriesRaiseAYellowFindingAfterARecheckAndRecover() throws {
        var detector = CheckDetector(check: roundTrip)
        let slow = "delivered to INBOX in 75.0 s, slower than 1 min"
        let first = detector.observe(result(.degraded, at: 0, total: 76, reason: slow))
        #expect(first.raised.isEmpty)
        #expect(first.recheckSoon)
        let finding = try #require(detector.observe(result(.degraded, at: 1, total: 76, reason: slow)).raised.first)
        #expect(finding.kind == .mailSlow)
        #expect(finding.code == .yellow)
        #expect(finding.caseID == .mailDeliverySlow)
        #expect(finding.dedupKey == "acme/mail/mail#mail-slow")
        #expect(finding.summary == "acme/mail/mail: e-mail delivery slow: \(slow)")
        #expect(detector.observe(result(.degraded, at: 5, total: 76, reason: slow)).raised.isEmpty)
        #expect(detector.observe(result(.up, at: 10)).recovered.isEmpty)
        #expect(detector.observe(result(.up, at: 15)).recovered == [.mailSlow])
    }

    @Test func aFailedRoundTripBreaksTheSlowStreak() {
        var detector = CheckDetector(check: roundTrip)
        _ = detector.observe(result(.degraded, at: 0, total: 76))
        _ = detector.observe(result(.down, at: 1, failure: .notDelivered))
        #expect(detector.observe(result(.degraded, at: 2, total: 76)).raised.isEmpty)
    }
}
