import CurlEngine
import Foundation
import Logging
import Notifiers
import TriageCore
import TriageTesting

/// A RED incident as the store would hand it to a channel, and the notification of one of its events.
enum Sample {
    static let opened = Date(timeIntervalSince1970: 1_800_000_000)

    static func ticket(status: TicketStatus = .open, takenBy: String? = nil) -> Ticket {
        Ticket(
            id: 7, code: .red, status: status, source: .probe, customer: "acme", targetID: "acme/www",
            checkID: "acme/www/http", caseID: .siteDown,
            summary: "acme/www/http: site down or not visible: connection refused", openedAt: opened,
            deadline: opened.addingTimeInterval(900), takenAt: takenBy.map { _ in opened.addingTimeInterval(120) },
            takenBy: takenBy, resolvedAt: status.isActive ? nil : opened.addingTimeInterval(600),
            dedupKey: status.isActive ? "acme/www/http#down" : nil
        )
    }

    static func notification(
        _ kind: TicketEventKind = .opened, actor: String = "triage", ticket: Ticket = ticket(), eventID: Int64 = 42
    ) -> TicketNotification {
        TicketNotification(
            eventID: eventID,
            event: TicketEvent(ticketID: ticket.id, at: opened.addingTimeInterval(1), kind: kind, actor: actor, detail: "2 failed probes"),
            ticket: ticket
        )
    }
}

extension Secret {
    static func test(_ value: String) -> Secret { Secret(value, origin: "the test") }
}

/// A registry over `channels`, sending through a fresh engine.
func registry(_ channels: [Channel], link: URL? = URL(string: "https://triage.example.net"), engine: CurlEngine) -> NotifierRegistry {
    NotifierRegistry(
        settings: NotifySettings(channels: channels, link: link), engine: engine, clock: TestClock(now: Sample.opened.addingTimeInterval(2)),
        timeout: .seconds(5)
    )
}

func testEngine() throws -> CurlEngine {
    try CurlEngine(logger: Logger(label: "test"))
}
