import CurlEngine
import Foundation
import TriageCore

/// The one list of channel kinds: maps each ``ChannelSpec`` case to the notifier that sends it.
/// Adding a kind adds a case to `ChannelSpec`, a file with its notifier, and one line here.
public struct NotifierRegistry: Sendable {
    private let notifiers: [String: any Notifier]

    /// - Parameters:
    ///   - timeout: how long one attempt may take before it counts as failed.
    public init(settings: NotifySettings, engine: CurlEngine, clock: any TriageClock, timeout: Duration = .seconds(10)) {
        var notifiers: [String: any Notifier] = [:]
        for channel in settings.channels {
            let post = HTTPPost(engine: engine, channel: channel.name, timeout: timeout)
            notifiers[channel.name] = switch channel.spec {
            case .webhook(let url, let key): WebhookNotifier(post: post, url: url, signingKey: key, settings: settings, clock: clock)
            case .slack(let url): SlackNotifier(post: post, url: url, settings: settings)
            case .pagerDuty(let key, let url): PagerDutyNotifier(post: post, routingKey: key, url: url, settings: settings)
            case .alertmanager(let url): AlertmanagerNotifier(post: post, url: url, settings: settings)
            case .command(let arguments):
                CommandNotifier(channel: channel.name, arguments: arguments, timeout: timeout, settings: settings, clock: clock)
            case .email(let server, let from, let to):
                EmailNotifier(engine: engine, channel: channel.name, server: server, from: from, to: to, timeout: timeout, settings: settings, clock: clock)
            }
        }
        self.notifiers = notifiers
    }

    /// Sends `notification` through the channel named `channel`.
    /// - Throws: ``DeliveryFailure`` when the channel refused it or is not configured (any more).
    public func send(_ notification: TicketNotification, to channel: String) async throws {
        guard let notifier = notifiers[channel] else {
            throw DeliveryFailure(channel: channel, message: "no such channel in notify.channels (was it removed?)")
        }
        try await notifier.send(notification, idempotencyKey: notification.idempotencyKey(channel: channel))
    }
}
