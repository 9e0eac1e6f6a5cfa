import Foundation

/// A named place where notifications go, as `notify.channels` in `config/triage.yml` defines it.
public struct Channel: Sendable, Hashable {
    /// The name routes and escalation steps refer to, such as `on-call`.
    public var name: String
    public var spec: ChannelSpec

    public init(name: String, spec: ChannelSpec) {
        self.name = name
        self.spec = spec
    }
}

/// What kind of channel, with its settings. One case per kind, so every switch over it (the
/// notifier registry, the configuration) handles each kind.
public enum ChannelSpec: Sendable, Hashable {
    /// A JSON POST of the documented payload, signed with HMAC-SHA256 when a secret is set.
    case webhook(url: Secret, signingKey: Secret?)
    /// A Slack incoming webhook: a readable message coloured by code.
    case slack(url: Secret)
    /// PagerDuty Events API v2: trigger, acknowledge and resolve with a stable `dedup_key`.
    case pagerDuty(routingKey: Secret, url: URL)
    /// Alertmanager's `POST /api/v2/alerts`, firing while the ticket is active and resolved after.
    case alertmanager(url: URL)
    /// A local program that reads the documented payload as JSON on its standard input.
    case command(arguments: [String])
    /// E-mail over SMTP, every message of a ticket in one thread.
    case email(server: MailServer, from: String, to: [String])

    /// The kind's name as written in `notify.channels`.
    public var kindName: String {
        switch self {
        case .webhook: "webhook"
        case .slack: "slack"
        case .pagerDuty: "pagerduty"
        case .alertmanager: "alertmanager"
        case .command: "command"
        case .email: "email"
        }
    }

    /// PagerDuty's Events API v2 endpoint, used when a channel names none.
    public static let pagerDutyEventsURL = URL(string: "https://events.pagerduty.com/v2/enqueue")!
}

/// How ops are told: the channels, who hears what, when untaken tickets escalate, how failed
/// deliveries are retried, and the base of the links to tickets in messages.
public struct NotifySettings: Sendable, Hashable {
    public var channels: [Channel]
    public var routing: NotificationRouting
    /// The first retry's delay; each next one doubles, up to `maxRetryDelay`.
    public var firstRetryDelay: Duration
    public var maxRetryDelay: Duration
    /// The dashboard's address: messages link to `<link>/tickets/<id>`; nil sends no link.
    public var link: URL?

    public init(
        channels: [Channel] = [], routing: NotificationRouting = .silent, firstRetryDelay: Duration = .seconds(5),
        maxRetryDelay: Duration = .seconds(900), link: URL? = nil
    ) {
        self.channels = channels
        self.routing = routing
        self.firstRetryDelay = firstRetryDelay
        self.maxRetryDelay = maxRetryDelay
        self.link = link
    }

    /// The delay before the retry that follows `attempts` failed attempts (1, 2, ...): doubling from
    /// `firstRetryDelay`, capped at `maxRetryDelay`, so a channel that is down for an hour is tried
    /// a dozen times, not thousands.
    public func retryDelay(afterAttempts attempts: Int) -> Duration {
        let doublings = min(max(attempts - 1, 0), 30)
        let delay = firstRetryDelay * (1 << doublings)
        return min(delay, maxRetryDelay)
    }

    /// The link to ticket `id`, when a link base is set.
    public func link(toTicket id: Int64) -> URL? {
        link?.appendingPathComponent("tickets").appendingPathComponent(String(id))
    }
}
