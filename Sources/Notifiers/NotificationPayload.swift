import Foundation
import TriageCore

/// The documented JSON of the webhook and command channels (README, "Notifications"):
///
/// ```json
/// {"version": 1,
///  "event": {"id": 42, "kind": "opened", "at": "2026-11-26T17:23:30Z", "actor": "triage", "detail": "...", "level": null},
///  "ticket": { ...the ticket as `triage tickets show --format json` prints it, without events... },
///  "link": "https://triage.example.net/tickets/7",
///  "text": "RED #7 opened: acme/www/http: site down or not visible: connection refused"}
/// ```
struct NotificationPayload: Encodable {
    static let version = 1

    var notification: TicketNotification
    var link: URL?
    var now: Date

    enum Keys: String, CodingKey { case version, event, ticket, link, text }
    enum EventKeys: String, CodingKey { case id, kind, at, actor, detail, level }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Self.version, forKey: .version)
        var event = container.nestedContainer(keyedBy: EventKeys.self, forKey: .event)
        try event.encode(notification.eventID, forKey: .id)
        try event.encode(notification.event.kind, forKey: .kind)
        try event.encode(notification.event.at, forKey: .at)
        try event.encode(notification.event.actor, forKey: .actor)
        try event.encode(notification.event.detail, forKey: .detail)
        try event.encode(notification.event.level, forKey: .level)
        try container.encode(TicketJSON(notification.ticket, now: now), forKey: .ticket)
        try container.encode(link, forKey: .link)
        try container.encode(MessageText(notification).headline, forKey: .text)
    }
}
