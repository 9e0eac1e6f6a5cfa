import Crypto
import CurlEngine
import Foundation
import Notifiers
import Testing
import TriageCore
import TriageTesting

/// Each channel kind against the real webhook receiver: what arrives, field by field.
@Suite("Notification channels")
struct ChannelTests {
    let engine: CurlEngine

    init() throws {
        engine = try testEngine()
    }

    func receiver(_ name: String) throws -> WebhookReceiver {
        try WebhookReceiver(hook: "\(name)-\(UUID().uuidString.prefix(8))", engine: engine)
    }

    @Test func theWebhookPostsTheDocumentedPayloadSignedAndKeyed() async throws {
        let hook = try receiver("webhook")
        let channels = [Channel(name: "ops", spec: .webhook(url: .test(hook.url), signingKey: .test("s3cret")))]
        try await registry(channels, engine: engine).send(Sample.notification(), to: "ops")
        let request = try #require(try await hook.waitForRequests(count: 1).first)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["idempotency-key"] == "triage-42-ops")
        let mac = HMAC<SHA256>.authenticationCode(for: Data(request.body.utf8), using: SymmetricKey(data: Data("s3cret".utf8)))
        #expect(request.headers["x-triage-signature"] == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
        let payload = try #require(try request.json() as? [String: Any])
        #expect(payload["version"] as? Int == 1)
        #expect(payload["link"] as? String == "https://triage.example.net/tickets/7")
        #expect(payload["text"] as? String == "RED #7 opened: acme/www/http: site down or not visible: connection refused")
        let event = try #require(payload["event"] as? [String: Any])
        #expect(event["id"] as? Int == 42)
        #expect(event["kind"] as? String == "opened")
        #expect(event["at"] as? String == "2027-01-15T08:00:01Z")
        #expect(event["detail"] as? String == "2 failed probes")
        #expect(event.keys.contains("level"))
        let ticket = try #require(payload["ticket"] as? [String: Any])
        #expect(ticket["id"] as? Int == 7)
        #expect(ticket["code"] as? String == "RED")
        #expect(ticket["deadline"] as? String == "2027-01-15T08:15:00Z")
        #expect(ticket["outcome"] as? String == "pending")
    }

    @Test func slackGetsAReadableMessageColouredByCode() async throws {
        let hook = try receiver("slack")
        try await registry([Channel(name: "chat", spec: .slack(url: .test(hook.url)))], engine: engine)
            .send(Sample.notification(.taken, actor: "ana", ticket: Sample.ticket(status: .taken, takenBy: "ana")), to: "chat")
        let message = try #require(try await hook.waitForRequests(count: 1).first?.json() as? [String: Any])
        #expect(message["text"] as? String == "RED #7 taken in charge by ana: acme/www/http: site down or not visible: connection refused")
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["color"] as? String == "#d32f2f")
        #expect(attachment["title_link"] as? String == "https://triage.example.net/tickets/7")
        let fields = (attachment["fields"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(fields == ["Customer", "Site", "Deadline", "Detail"])
    }

    @Test(arguments: [
        (TicketEventKind.opened, TicketStatus.open, "trigger"), (.taken, .taken, "acknowledge"), (.resolved, .resolved, "resolve"),
        (.escalated, .open, "trigger"),
    ])
    func pagerDutyTriggersAcknowledgesAndResolvesOneAlertPerTicket(kind: TicketEventKind, status: TicketStatus, action: String) async throws {
        let hook = try receiver("pagerduty")
        let channel = Channel(name: "pager", spec: .pagerDuty(routingKey: .test("R0UT1NG"), url: URL(string: hook.url)!))
        let ticket = Sample.ticket(status: status, takenBy: status == .taken ? "ana" : nil)
        try await registry([channel], engine: engine).send(Sample.notification(kind, ticket: ticket), to: "pager")
        let event = try #require(try await hook.waitForRequests(count: 1).first?.json() as? [String: Any])
        #expect(event["routing_key"] as? String == "R0UT1NG")
        #expect(event["event_action"] as? String == action)
        #expect(event["dedup_key"] as? String == "triage-ticket-7")
        let payload = event["payload"] as? [String: Any]
        if action == "trigger" {
            #expect(payload?["severity"] as? String == "critical")
            #expect(payload?["source"] as? String == "acme/www")
            #expect(payload?["group"] as? String == "acme")
            #expect((payload?["summary"] as? String)?.hasPrefix("RED #7 ") == true)
        } else {
            #expect(payload == nil)
        }
        #expect((event["links"] as? [[String: Any]])?.first?["href"] as? String == "https://triage.example.net/tickets/7")
    }

    @Test func alertmanagerGetsOneAlertFiringThenEnded() async throws {
        let hook = try receiver("alertmanager")
        let channel = Channel(name: "am", spec: .alertmanager(url: URL(string: hook.url)!))
        let notifiers = registry([channel], engine: engine)
        try await notifiers.send(Sample.notification(), to: "am")
        try await notifiers.send(Sample.notification(.resolved, ticket: Sample.ticket(status: .resolved)), to: "am")
        let requests = try await hook.waitForRequests(count: 2)
        #expect(requests.allSatisfy { $0.path.hasSuffix("/api/v2/alerts") })
        let firing = try #require((try requests[0].json() as? [[String: Any]])?.first)
        let labels = try #require(firing["labels"] as? [String: String])
        #expect(labels == [
            "alertname": "TriageTicket", "ticket": "7", "code": "RED", "customer": "acme", "target": "acme/www",
            "check": "acme/www/http", "case": "site-down",
        ])
        #expect(firing["startsAt"] as? String == "2027-01-15T08:00:00Z")
        #expect(firing["endsAt"] == nil || firing["endsAt"] is NSNull)
        let ended = try #require((try requests[1].json() as? [[String: Any]])?.first)
        #expect(ended["endsAt"] as? String == "2027-01-15T08:10:00Z")
    }

    @Test func aCommandReadsThePayloadOnItsInput() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("payload.json").path
        let script = "cat > \(output); echo \"$TRIAGE_IDEMPOTENCY_KEY\" > \(output).key"
        let channel = Channel(name: "script", spec: .command(arguments: ["/bin/sh", "-c", script]))
        try await registry([channel], engine: engine).send(Sample.notification(), to: "script")
        let payload = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        #expect((payload?["ticket"] as? [String: Any])?["id"] as? Int == 7)
        #expect(try String(contentsOfFile: output + ".key", encoding: .utf8) == "triage-42-script\n")
    }

    @Test func aFailingCommandOrReceiverIsADeliveryFailureInWords() async throws {
        let failing = Channel(name: "script", spec: .command(arguments: ["/bin/sh", "-c", "echo no route to pager >&2; exit 3"]))
        let hook = try receiver("down")
        try await hook.setDown(true)
        let webhook = Channel(name: "ops", spec: .webhook(url: .test(hook.url), signingKey: nil))
        let notifiers = registry([failing, webhook], engine: engine)
        await #expect(throws: DeliveryFailure(channel: "script", message: "/bin/sh exited with status 3: no route to pager")) {
            try await notifiers.send(Sample.notification(), to: "script")
        }
        await #expect(throws: DeliveryFailure(channel: "ops", message: "HTTP 503: {\"status\": \"down\"}")) {
            try await notifiers.send(Sample.notification(), to: "ops")
        }
        await #expect(throws: DeliveryFailure(channel: "gone", message: "no such channel in notify.channels (was it removed?)")) {
            try await notifiers.send(Sample.notification(), to: "gone")
        }
    }
}

/// The e-mail channel against the real Postfix and Dovecot: the message arrives in the test
/// user's mailbox, threaded under its ticket.
@Suite("E-mail channel")
struct EmailChannelTests {
    let engine: CurlEngine

    init() throws {
        engine = try testEngine()
    }

    /// The raw message in the test user's INBOX whose idempotency key is `key`, deleted after reading.
    func fetchAndDelete(key: String) async throws -> String? {
        let imap = String(try TestServers.require(TestServers.imap, "TRIAGE_TEST_IMAP").trimmingSuffix("/"))
        let caFile = try TestServers.require(TestServers.caFile, "TRIAGE_TEST_CA_FILE")
        let user = try TestServers.require(TestServers.mailUser, "TRIAGE_TEST_MAIL_USER")
        let password = try TestServers.require(TestServers.mailPassword, "TRIAGE_TEST_MAIL_PASSWORD")
        func imapRequest(_ path: String, command: String? = nil) -> CurlRequest {
            var request = CurlRequest(url: "\(imap)/\(path)", timeout: .seconds(10))
            request.username = user
            request.password = password
            request.requireTLS = true
            request.caFile = caFile
            request.customRequest = command
            return request
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let search = try await engine.perform(imapRequest("INBOX", command: "UID SEARCH HEADER X-Triage-Idempotency-Key \"\(key)\""))
            let uids = String(decoding: search.body, as: UTF8.self).split(whereSeparator: \.isWhitespace).dropFirst(2)
            if let uid = uids.first {
                let message = try await engine.perform(imapRequest("INBOX;UID=\(uid)"))
                _ = try await engine.perform(imapRequest("INBOX", command: "UID STORE \(uid) +FLAGS.SILENT (\\Deleted)"))
                _ = try await engine.perform(imapRequest("INBOX", command: "UID EXPUNGE \(uid)"))
                return String(decoding: message.body, as: UTF8.self)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    func channel(name: String = "ops-mail", to: String) throws -> Channel {
        let smtp = try TestServers.require(TestServers.smtp, "TRIAGE_TEST_SMTP")
        let server = MailServer(url: URL(string: smtp)!)
        return Channel(name: name, spec: .email(server: server, from: "triage@example.net", to: [to]))
    }

    @Test func messagesOfOneTicketArriveAsOneThread() async throws {
        let user = try TestServers.require(TestServers.mailUser, "TRIAGE_TEST_MAIL_USER")
        let eventID = Int64.random(in: 1_000_000...9_999_999)
        let notifiers = registry([try channel(to: user)], engine: engine)
        try await notifiers.send(Sample.notification(eventID: eventID), to: "ops-mail")
        let taken = Sample.notification(.taken, actor: "ana", ticket: Sample.ticket(status: .taken, takenBy: "ana"), eventID: eventID + 1)
        try await notifiers.send(taken, to: "ops-mail")
        let opened = try #require(try await fetchAndDelete(key: "triage-\(eventID)-ops-mail"))
        let reply = try #require(try await fetchAndDelete(key: "triage-\(eventID + 1)-ops-mail"))
        #expect(opened.contains("Subject: RED #7 opened: acme/www/http: site down or not visible: connection refused\r\n"))
        #expect(opened.contains("Message-ID: <triage-ticket-7@example.net>\r\n"))
        #expect(opened.contains("take in charge by 2027-01-15T08:15:00Z"))
        #expect(opened.contains("https://triage.example.net/tickets/7"))
        #expect(reply.contains("Subject: RED #7 taken in charge by ana: "))
        #expect(reply.contains("Message-ID: <triage-event-\(eventID + 1)@example.net>\r\n"))
        #expect(reply.contains("In-Reply-To: <triage-ticket-7@example.net>\r\n"))
        #expect(reply.contains("References: <triage-ticket-7@example.net>\r\n"))
    }

    @Test func aRefusedRecipientIsADeliveryFailureWithTheServersReply() async throws {
        let domain = try TestServers.require(TestServers.mailDomain, "TRIAGE_TEST_MAIL_DOMAIN")
        let notifiers = registry([try channel(to: "nobody-here@\(domain)")], engine: engine)
        do {
            try await notifiers.send(Sample.notification(), to: "ops-mail")
            Issue.record("a refused recipient was accepted")
        } catch let failure as DeliveryFailure {
            #expect(failure.channel == "ops-mail")
            #expect(failure.message.contains("550"), "\(failure.message)")
        }
    }
}

extension String {
    /// The text without one trailing `suffix`: the test servers' URLs end in `/`, IMAP paths start after it.
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self)
    }
}
