import Foundation

/// Planned work on a customer's sites: while a window is open, probes still run and results are
/// kept, but an outage it covers pages nobody.
///
/// A window covers a customer's checks, narrowed to some sites and check names when it lists
/// them, at the times of its schedule (one-off, or on given weekdays, in its time zone).
///
/// ```yaml
/// maintenance:
///   - {name: upgrade, sites: [shop], once: {from: "2026-12-01 02:00", to: "2026-12-01 04:00"}, timeZone: Europe/Rome}
///   - {name: backups, weekly: {days: [sun], at: "03:00", for: 1h}, mode: silence}
/// ```
public struct MaintenanceWindow: Sendable, Hashable {
    /// What happens to a fault found during the window.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The incident is opened, marked planned, and not paged: the work is on record and in reports.
        case planned
        /// No incident at all; if the fault outlasts the window, it is raised once the window ends.
        case silence
    }

    /// When the window is open.
    public enum Schedule: Sendable, Hashable {
        /// From `from` (included) to `to` (excluded).
        case once(from: Date, to: Date)
        /// Every week on `days` (1 = Sunday ... 7 = Saturday, as `Calendar` counts), from `minute`
        /// minutes after local midnight, for `length`, in `timeZone`.
        case weekly(days: Set<Int>, minute: Int, length: Duration, timeZone: TimeZone)
    }

    public var name: String
    public var customer: String
    /// The site names it covers; empty covers every site of the customer.
    public var sites: Set<String>
    /// The check names it covers on those sites; empty covers every check.
    public var checks: Set<String>
    public var schedule: Schedule
    public var mode: Mode

    public init(
        name: String, customer: String, sites: Set<String> = [], checks: Set<String> = [], schedule: Schedule,
        mode: Mode = .planned
    ) {
        self.name = name
        self.customer = customer
        self.sites = sites
        self.checks = checks
        self.schedule = schedule
        self.mode = mode
    }

    /// Whether the window covers `check` at `instant`.
    public func covers(_ check: Check, at instant: Date) -> Bool {
        guard check.customer == customer else { return false }
        if !sites.isEmpty, !sites.contains(String(check.targetID.dropFirst(customer.count + 1))) { return false }
        if !checks.isEmpty, !checks.contains(check.name) { return false }
        return isOpen(at: instant)
    }

    /// Whether the schedule is open at `instant`. A weekly window that began on an earlier day
    /// (a Saturday 22:00 window for 6 hours) is still open after midnight.
    public func isOpen(at instant: Date) -> Bool {
        switch schedule {
        case .once(let from, let to):
            return from <= instant && instant < to
        case .weekly(let days, let minute, let length, let timeZone):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let today = calendar.startOfDay(for: instant)
            let daysBack = Int((length.inSeconds / 86_400).rounded(.up))
            for back in 0...max(daysBack, 0) {
                guard let day = calendar.date(byAdding: .day, value: -back, to: today),
                    days.contains(calendar.component(.weekday, from: day)),
                    let start = calendar.date(byAdding: .minute, value: minute, to: day)
                else { continue }
                if start <= instant, instant < start.adding(length) { return true }
            }
            return false
        }
    }
}

/// Every maintenance window of the configuration, looked up by check.
public struct MaintenanceCalendar: Sendable, Hashable {
    public var windows: [MaintenanceWindow]

    public init(_ windows: [MaintenanceWindow] = []) {
        self.windows = windows
    }

    /// The window covering `check` at `instant`, if any; a silence wins over a planned window,
    /// since it says more (nothing at all).
    public func window(covering check: Check, at instant: Date) -> MaintenanceWindow? {
        let open = windows.filter { $0.covers(check, at: instant) }
        return open.first { $0.mode == .silence } ?? open.first
    }
}
