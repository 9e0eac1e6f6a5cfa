import Notifiers
import Synchronization
import TicketStore
import TriageCore

/// The parts of alerting that follow the notification settings (routes, channels, retries,
/// escalation), swapped whole when a reload changes them. Each step of the loop reads the ones in
/// force; a delivery already being sent finishes with the rules it started with.
final class AlertingRules: Sendable {
    struct Rules: Sendable {
        var router: NotificationRouter
        var sender: DeliverySender
        var escalation: EscalationPolicy
    }

    private let rules: Mutex<Rules>

    init(_ rules: Rules) {
        self.rules = Mutex(rules)
    }

    var current: Rules { rules.withLock { $0 } }

    func replace(with new: Rules) {
        rules.withLock { $0 = new }
    }
}
