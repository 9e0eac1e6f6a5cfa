import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// `notify:` in `config/triage.yml`: channels of each kind with their secrets, routes, escalation
/// and retries; every mistake reported with its place and fix, and no secret in any message.
@Suite struct NotifySettingsTests {
    let environment = ["ONCALL_URL": "https://hooks.example.net/T0KEN", "PD_KEY": "R0UT1NG"]

    func parse(_ yaml: String) throws -> NotifySettings {
        try ConfigLoader.parseSettings(yaml: yaml, file: "config/triage.yml", environment: environment).notify
    }

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parseSettings(yaml: yaml, file: "config/triage.yml", environment: environment)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func everyKindOfChannelRoutesAndEscalationDecode() throws {
        let notify = try parse("""
            notify:
              link: https://triage.example.net
              channels:
                - {name: on-call, webhook: {url: {env: ONCALL_URL}, signingKey: k3y}}
                - {name: chat, slack: {url: "https://hooks.slack.example/T/B/X"}}
                - {name: pager, pagerduty: {routingKey: {env: PD_KEY}}}
                - {name: am, alertmanager: {url: "http://127.0.0.1:9093"}}
                - {name: sms, command: [/usr/local/bin/notify-sms, --urgent]}
                - name: mail
                  email: {url: "smtp://mail.example.net:587", starttls: true, username: triage, password: {env: PD_KEY},
                          from: triage@example.net, to: [ops@example.net, boss@example.net]}
              routes:
                - {codes: [RED], channels: [on-call, pager]}
                - {events: [breached], customers: acme, channels: chat}
                - {sites: [acme/shop], channels: sms}
              escalation:
                steps: [{at: 67%, channels: [pager]}, {at: 150%, channels: [chat]}]
                remind: {every: 33%, channels: [on-call]}
                codes: RED
              retry: {first: 10s, max: 5m}
            """)
        #expect(notify.channels.map(\.name) == ["on-call", "chat", "pager", "am", "sms", "mail"])
        #expect(notify.channels.map(\.spec.kindName) == ["webhook", "slack", "pagerduty", "alertmanager", "command", "email"])
        guard case .webhook(let url, let key) = notify.channels[0].spec, case .pagerDuty(let routingKey, let endpoint) = notify.channels[2].spec
        else {
            Issue.record("unexpected kinds: \(notify.channels)")
            return
        }
        #expect(url.value == "https://hooks.example.net/T0KEN")
        #expect(url.origin == "$ONCALL_URL")
        #expect(key?.value == "k3y")
        #expect(routingKey.value == "R0UT1NG")
        #expect(endpoint == ChannelSpec.pagerDutyEventsURL)
        #expect(notify.channels[4].spec == .command(arguments: ["/usr/local/bin/notify-sms", "--urgent"]))
        let server = MailServer(
            url: URL(string: "smtp://mail.example.net:587")!, login: MailLogin(username: "triage", password: Secret("R0UT1NG", origin: "$PD_KEY")),
            startTLS: true
        )
        #expect(notify.channels[5].spec == .email(server: server, from: "triage@example.net", to: ["ops@example.net", "boss@example.net"]))
        #expect(notify.routing.routes == [
            NotificationRoute(channels: ["on-call", "pager"], codes: [.red]),
            NotificationRoute(channels: ["chat"], customers: ["acme"], events: [.breached]),
            NotificationRoute(channels: ["sms"], sites: ["acme/shop"]),
        ])
        #expect(notify.routing.escalation == EscalationPolicy(
            steps: [.init(at: 0.67, channels: ["pager"]), .init(at: 1.5, channels: ["chat"])],
            reminder: .init(every: 0.33, channels: ["on-call"]), codes: [.red]
        ))
        #expect(notify.firstRetryDelay == .seconds(10) && notify.maxRetryDelay == .seconds(300))
        #expect(notify.link(toTicket: 7)?.absoluteString == "https://triage.example.net/tickets/7")
    }

    @Test func noNotifyKeyMeansSilence() throws {
        let notify = try parse("store: var/triage.sqlite")
        #expect(notify.channels.isEmpty)
        #expect(notify.routing == .silent)
    }

    @Test func mistakesAreReportedWithTheirPlaceAndFixAndNoSecret() {
        let reported = errors("""
            notify:
              channels:
                - {name: on-call, webhook: {url: {env: MISSING_URL}}}
                - {name: on-call, slack: {url: "https://hooks.slack.example/SECRETPATH"}, teams: {}}
                - {name: script, command: [notify-sms]}
                - {name: quiet}
              routes:
                - {codes: [RED], channels: [on-cal]}
                - {events: [evidence], channels: [script]}
              escalation:
                remind: {every: 0%, channels: [on-call]}
                steps: [{at: soon, channels: [on-call]}]
            """)
        #expect(reported == [
            "config/triage.yml:3: notify.channels[0].webhook.url: environment variable MISSING_URL is not set; export it where triage runs, such as MISSING_URL=... triage run, or write {file: PATH}",
            "config/triage.yml:4: notify.channels[1].name: \"on-call\" is already the name of notify.channels[0] (line 3); give each channel its own name",
            "config/triage.yml:4: notify.channels[1].teams: unknown key; a channel has a name and one kind key (known kinds: webhook, slack, pagerduty, alertmanager, command, email)",
            "config/triage.yml:4: notify.channels[1]: has 2 kind keys (slack, teams); a channel has one: split it in two",
            "config/triage.yml:5: notify.channels[2].command: \"notify-sms\" is not an absolute path; write the program's full path, such as /usr/local/bin/notify-sms",
            "config/triage.yml:6: notify.channels[3]: has no channel kind; add one, such as webhook: {url: {env: ONCALL_WEBHOOK_URL}} (known kinds: webhook, slack, pagerduty, alertmanager, command, email)",
            "config/triage.yml:8: notify.routes[0].channels[0]: \"on-cal\" is not a channel of notify.channels; did you mean \"on-call\"? defined: on-call, quiet, script",
            "config/triage.yml:9: notify.routes[1].events[0]: \"evidence\" is not an event that notifies; use one of opened, recovered, resolved, reopened, taken, recoded, breached, refused, referred, escalated, reminded",
            "config/triage.yml:11: notify.escalation.remind.every: must be more than 0%; write a share of the deadline, such as 33%",
            "config/triage.yml:12: notify.escalation.steps[0].at: \"soon\" is not a percentage between 0% and 1000%; write a number followed by %, such as 30%",
        ])
        #expect(!reported.joined().contains("SECRETPATH"))
    }
}
