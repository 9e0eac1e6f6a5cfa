import Foundation
import TriageCore

/// Every kind of notification channel `notify.channels` can name (`webhook:`, `slack:`,
/// `pagerduty:`, `alertmanager:`, `command:`), with its decoder. Adding a kind adds one
/// `ChannelSpec` case, one notifier, and one line here.
enum ChannelKinds {
    typealias Decoder = @Sendable (NodeCursor) -> ChannelSpec?

    static let all: [(name: String, decode: Decoder)] = [
        ("webhook", webhook),
        ("slack", { cursor in
            cursor.mapping(allowedKeys: ["url"])?.required("url", example: "{env: SLACK_WEBHOOK_URL}")?
                .secret(example: "{env: SLACK_WEBHOOK_URL}").map(ChannelSpec.slack)
        }),
        ("pagerduty", pagerDuty),
        ("alertmanager", { cursor in
            cursor.mapping(allowedKeys: ["url"])?.required("url", example: "http://127.0.0.1:9093")?
                .httpURL().map(ChannelSpec.alertmanager)
        }),
        ("command", command),
        ("email", email),
    ]

    static var names: [String] { all.map(\.name) }

    static func decoder(named name: String) -> Decoder? {
        all.first { $0.name == name }?.decode
    }

    private static func webhook(_ cursor: NodeCursor) -> ChannelSpec? {
        guard let map = cursor.mapping(allowedKeys: ["url", "signingKey"]) else { return nil }
        let mark = cursor.errors.count
        let url = map.required("url", example: "{env: ONCALL_WEBHOOK_URL}")?.secret(example: "https://hooks.example.net/triage")
        let key = map["signingKey"]?.secret(example: "{env: ONCALL_WEBHOOK_KEY}")
        guard let url, cursor.errors.noneSince(mark) else { return nil }
        return .webhook(url: url, signingKey: key)
    }

    private static func pagerDuty(_ cursor: NodeCursor) -> ChannelSpec? {
        guard let map = cursor.mapping(allowedKeys: ["routingKey", "url"]) else { return nil }
        let mark = cursor.errors.count
        let key = map.required("routingKey", example: "{env: PAGERDUTY_ROUTING_KEY}")?.secret(example: "{env: PAGERDUTY_ROUTING_KEY}")
        let url = map["url"]?.httpURL() ?? ChannelSpec.pagerDutyEventsURL
        guard let key, cursor.errors.noneSince(mark) else { return nil }
        return .pagerDuty(routingKey: key, url: url)
    }

    /// `email: {url: smtp://mail.example.net:587, starttls: true, username: ..., password: ..., from: ..., to: [...]}`:
    /// the server as for an smtp check, the sender and the recipients.
    private static func email(_ cursor: NodeCursor) -> ChannelSpec? {
        guard let map = cursor.mapping(allowedKeys: MailServer.keys + ["from", "to"]) else { return nil }
        let mark = cursor.errors.count
        let server = MailServer.decode(map, scheme: "smtp", loginRequired: false)
        let from = map.required("from", example: "triage@example.net")?.mailAddress()
        let to = map.required("to", example: "[ops@example.net]")?.oneOrMany()?.compactMap { $0.mailAddress() }
        if to?.isEmpty == true { map["to"]?.fail("is empty; list who receives the messages, such as [ops@example.net]") }
        guard let server, let from, let to, !to.isEmpty, cursor.errors.noneSince(mark) else { return nil }
        return .email(server: server, from: from, to: to)
    }

    /// `command: [/usr/local/bin/notify-sms, --urgent]`: an absolute program path, then its arguments.
    private static func command(_ cursor: NodeCursor) -> ChannelSpec? {
        guard let items = cursor.oneOrMany() else { return nil }
        let arguments = items.compactMap { $0.nonEmptyString(example: "/usr/local/bin/notify-sms") }
        guard arguments.count == items.count, let program = arguments.first else {
            if items.isEmpty { cursor.fail("is empty; write the program and its arguments, such as [/usr/local/bin/notify-sms, --urgent]") }
            return nil
        }
        guard program.hasPrefix("/") else {
            cursor.fail("\"\(program)\" is not an absolute path; write the program's full path, such as /usr/local/bin/notify-sms")
            return nil
        }
        return .command(arguments: arguments)
    }
}
