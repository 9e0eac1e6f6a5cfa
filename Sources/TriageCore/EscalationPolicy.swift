import Foundation

/// When an untaken ticket is escalated and reminded, as shares of its take-in-charge window
/// (from opening to the deadline), so one policy fits RED's 15 minutes and YELLOW's 24 hours:
/// a step at 67% fires 10 minutes after a RED opens and 16 hours after a YELLOW does.
///
/// Opening itself is told by the `opened` event and the breach by the `breached` one; the steps
/// and reminders fill the time between, and reminders go on after the deadline until someone
/// takes the ticket. Taking it (or its end) stops both.
///
/// ```swift
/// let policy = EscalationPolicy(steps: [.init(at: 0.67, channels: ["second-level"])],
///                               reminder: .init(every: 0.33, channels: ["on-call"]))
/// let due = policy.due(for: ticket, stepsFired: 0, remindersFired: 0, at: now)
/// ```
public struct EscalationPolicy: Sendable, Hashable {
    /// One escalation step: at a share of the window, tell these channels.
    public struct Step: Sendable, Hashable {
        /// The share of the take-in-charge window after opening (0.67 = two thirds of it).
        public var at: Double
        public var channels: [String]

        public init(at: Double, channels: [String]) {
            self.at = at
            self.channels = channels
        }
    }

    /// Reminders every share of the window, while the ticket is untaken.
    public struct Reminder: Sendable, Hashable {
        public var every: Double
        public var channels: [String]

        public init(every: Double, channels: [String]) {
            self.every = every
            self.channels = channels
        }
    }

    /// The steps, in the order they fire.
    public var steps: [Step]
    public var reminder: Reminder?
    /// The codes escalated; GREEN and WHITE, with days to their deadline, usually are not.
    public var codes: Set<TriageCode>

    public init(steps: [Step] = [], reminder: Reminder? = nil, codes: Set<TriageCode> = [.red, .yellow]) {
        self.steps = steps.sorted { $0.at < $1.at }
        self.reminder = reminder
        self.codes = codes
    }

    /// No steps, no reminders.
    public static let none = EscalationPolicy()

    /// What is due for `ticket` at `now`, given how many steps and reminders it already had; nil
    /// when nothing new is (and always for a planned incident, which pages nobody). Only the latest of several due steps (or reminders) is returned, with
    /// the counts that make every earlier one fired: a daemon that was down for an hour sends one
    /// reminder, not twelve.
    public func due(for ticket: Ticket, stepsFired: Int, remindersFired: Int, at now: Date) -> EscalationDue? {
        guard ticket.status == .open, !ticket.planned, codes.contains(ticket.code) else { return nil }
        let window = ticket.deadline.timeIntervalSince(ticket.openedAt)
        guard window > 0 else { return nil }
        // A hair over the exact share, so a sweep at exactly 5 of 15 minutes counts a third as reached.
        let elapsed = now.timeIntervalSince(ticket.openedAt) / window + 1e-9
        let stepsDue = steps.prefix { $0.at <= elapsed }.count
        let remindersDue = reminder.map { $0.every > 0 ? Int((elapsed / $0.every).rounded(.down)) : 0 } ?? 0
        guard stepsDue > stepsFired || remindersDue > remindersFired else { return nil }
        return EscalationDue(
            step: stepsDue > stepsFired ? stepsDue : nil, reminder: remindersDue > remindersFired ? remindersDue : nil
        )
    }

    /// The channels of an `escalated` (step `level`) or `reminded` event; none for other events.
    public func channels(for event: TicketEvent) -> [String] {
        switch event.kind {
        case .escalated: event.level.flatMap { steps.indices.contains($0 - 1) ? steps[$0 - 1].channels : nil } ?? []
        case .reminded: reminder?.channels ?? []
        default: []
        }
    }
}

/// What an escalation sweep records for one ticket: the step reached (from 1) and the reminder
/// number reached, each nil when nothing new is due.
public struct EscalationDue: Sendable, Hashable {
    public var step: Int?
    public var reminder: Int?

    public init(step: Int?, reminder: Int?) {
        self.step = step
        self.reminder = reminder
    }
}
