import Foundation
import Testing
import TriageCore

/// Who hears of what: routes by code, customer and event kind; escalations by the policy; the
/// doubling retry delay; escalation due times as shares of each code's window.
struct NotificationRoutingTests {
    let opened = Date(timeIntervalSince1970: 1_800_000_000)

    func notification(_ kind: TicketEventKind, code: TriageCode = .red, customer: String = "acme", level: Int? = nil) -> TicketNotification {
        let window: TimeInterval = code == .red ? 900 : 86_400
        let ticket = Ticket(
            id: 1, code: code, status: .open, source: .probe, customer: customer, summary: "down", openedAt: opened,
            deadline: opened.addingTimeInterval(window)
        )
        return TicketNotification(
            eventID: 9, event: TicketEvent(ticketID: 1, at: opened, kind: kind, actor: "triage", detail: "", level: level), ticket: ticket
        )
    }

    let routing = NotificationRouting(
        routes: [
            NotificationRoute(channels: ["pager", "chat"], codes: [.red]),
            NotificationRoute(channels: ["mail"], codes: [.yellow]),
            NotificationRoute(channels: ["chat", "managers"], events: [.breached]),
            NotificationRoute(channels: ["acme-team"], customers: ["acme"], events: [.opened, .resolved]),
            NotificationRoute(channels: ["shop-team"], sites: ["acme/shop"]),
        ],
        escalation: EscalationPolicy(
            steps: [.init(at: 0.67, channels: ["second-level"]), .init(at: 0.2, channels: ["first-level"])],
            reminder: .init(every: 0.33, channels: ["pager"])
        )
    )

    @Test func routesMatchByCodeCustomerAndKindEachChannelOnce() {
        #expect(routing.channels(for: notification(.opened)) == ["pager", "chat", "acme-team"])
        #expect(routing.channels(for: notification(.opened, customer: "globex")) == ["pager", "chat"])
        #expect(routing.channels(for: notification(.breached)) == ["pager", "chat", "managers"])
        #expect(routing.channels(for: notification(.taken, code: .yellow)) == ["mail"])
        #expect(routing.channels(for: notification(.opened, code: .green, customer: "globex")).isEmpty)
        var shop = notification(.taken, code: .green)
        shop.ticket.targetID = "acme/shop"
        #expect(routing.channels(for: shop) == ["shop-team"], "a group of sites has its own channel")
    }

    @Test func evidenceAndCommentsNeverNotify() {
        #expect(routing.channels(for: notification(.evidence)).isEmpty)
        #expect(routing.channels(for: notification(.comment)).isEmpty)
    }

    @Test func escalationsGoToTheirStepAndRemindersToTheirChannels() {
        #expect(routing.channels(for: notification(.escalated, level: 1)) == ["first-level"], "steps are sorted by their share")
        #expect(routing.channels(for: notification(.escalated, level: 2)) == ["second-level"])
        #expect(routing.channels(for: notification(.reminded, level: 5)) == ["pager"])
        #expect(routing.channels(for: notification(.escalated, level: 3)).isEmpty, "an unknown step (the policy changed)")
    }

    @Test func escalationIsDueAtItsShareOfEachCodesWindow() {
        let policy = EscalationPolicy(steps: [.init(at: 0.67, channels: ["x"])], reminder: .init(every: 0.5, channels: ["y"]))
        let red = notification(.opened).ticket
        let yellow = notification(.opened, code: .yellow).ticket
        #expect(policy.due(for: red, stepsFired: 0, remindersFired: 0, at: opened.addingTimeInterval(300)) == nil)
        #expect(policy.due(for: red, stepsFired: 0, remindersFired: 0, at: opened.addingTimeInterval(450)) == EscalationDue(step: nil, reminder: 1))
        #expect(policy.due(for: red, stepsFired: 0, remindersFired: 1, at: opened.addingTimeInterval(610)) == EscalationDue(step: 1, reminder: nil))
        #expect(policy.due(for: yellow, stepsFired: 0, remindersFired: 0, at: opened.addingTimeInterval(610)) == nil, "YELLOW's window is 24 h")
        #expect(policy.due(for: yellow, stepsFired: 0, remindersFired: 0, at: opened.addingTimeInterval(17 * 3600)) == EscalationDue(step: 1, reminder: 1))
        var taken = red
        taken.status = .taken
        #expect(policy.due(for: taken, stepsFired: 0, remindersFired: 0, at: opened.addingTimeInterval(3600)) == nil)
    }

    @Test func retriesDoubleUpToTheirCap() {
        let settings = NotifySettings(firstRetryDelay: .seconds(5), maxRetryDelay: .seconds(60))
        #expect((1...6).map { settings.retryDelay(afterAttempts: $0) } == [.seconds(5), .seconds(10), .seconds(20), .seconds(40), .seconds(60), .seconds(60)])
        #expect(settings.retryDelay(afterAttempts: 1000) == .seconds(60))
    }

    @Test func aSecretNeverPrintsItsValue() {
        let secret = Secret("https://hooks.slack.com/services/T000/B000/XXXX", origin: "$SLACK_URL")
        #expect("\(secret)" == "(secret from $SLACK_URL)")
        #expect(String(reflecting: secret) == "(secret from $SLACK_URL)")
        #expect(!"\(ChannelSpec.slack(url: secret))".contains("XXXX"))
    }
}
