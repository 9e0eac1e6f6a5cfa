import Foundation

/// The order in which people should work: RED by deadline, then YELLOW by deadline, then GREEN
/// and WHITE whose window has opened, by deadline. Tickets already in charge, ended, or whose
/// window has not opened yet are not work to pick up now.
public enum WorkQueue {
    public struct Entry: Sendable, Hashable {
        public var ticket: Ticket
        /// Seconds to the deadline; negative when overdue.
        public var secondsLeft: Int

        /// `ticket` as the queue shows it at `now`.
        public init(_ ticket: Ticket, now: Date) {
            self.ticket = ticket
            secondsLeft = Int(ticket.deadline.timeIntervalSince(now).rounded(.down))
        }
    }

    /// The tickets waiting to be taken in charge now, most urgent first.
    public static func order(_ tickets: [Ticket], now: Date) -> [Entry] {
        tickets
            .filter { $0.status == .open && ($0.notBefore.map { $0 <= now } ?? true) }
            .sorted { ($0.code.urgency, $0.deadline, $0.id) < ($1.code.urgency, $1.deadline, $1.id) }
            .map { Entry($0, now: now) }
    }

    /// Open tickets whose window has not opened yet, soonest first.
    public static func waiting(_ tickets: [Ticket], now: Date) -> [Ticket] {
        tickets
            .filter { $0.status == .open && ($0.notBefore.map { $0 > now } ?? false) }
            .sorted { ($0.notBefore!, $0.id) < ($1.notBefore!, $1.id) }
    }
}
