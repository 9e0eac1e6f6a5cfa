import Foundation
import TicketStore
import TriageCore

/// What the manager report reads, for the CLI (`triage report`) and the API (`GET reports`) alike:
/// the configured checks in scope, their results rolled up, and the period's tickets.
///
/// ```swift
/// let source = ReportSource(configuration: configuration, store: store, clock: clock, scope: scope)
/// let report = try await source.read(.deadlines)     // a ManagerReport with only `deadlines` set
/// ```
public struct ReportSource: Sendable {
    public let configuration: Configuration
    public let store: any SharedStore
    public let clock: any TriageClock
    public let scope: ReportScope

    public init(configuration: Configuration, store: any SharedStore, clock: any TriageClock, scope: ReportScope) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.scope = scope
    }

    /// The checks of the scope's customer and site (by id, such as acme/shop, or by its name).
    public var checks: [Check] {
        configuration.probes.checks.filter { check in
            (scope.customer.map { $0 == check.customer } ?? true)
                && (scope.site.map { $0 == check.targetID || "\(check.customer)/\($0)" == check.targetID } ?? true)
        }
    }

    private var reader: PeriodReader {
        PeriodReader(rollup: ResultRollup(store: store, checks: checks, maintenance: configuration.probes.maintenance, clock: clock))
    }

    /// Rolls up what the daemon has not, so the report reads hours rather than results.
    private func catchUp(progress: ReportProgress) async throws {
        let rollup = ResultRollup(
            store: store, checks: configuration.probes.checks, maintenance: configuration.probes.maintenance, clock: clock
        )
        try await rollup.catchUp(progress: progress.rollingUp)
    }

    /// The period of the checks in scope, from the roll-ups (see ``catchUp(progress:)``).
    private func readPeriods(progress: ReportProgress) async throws -> [CheckPeriod] {
        let periods = try await reader.periods(from: scope.from, to: scope.to, progress: progress.readingChecks)
        progress.finish()
        return periods
    }

    /// The tickets of the scope's customer that were active in the period.
    public func tickets() async throws -> [Ticket] {
        try await store.tickets(
            TicketFilter(customer: scope.customer, activeWithin: DateInterval(start: scope.from, end: max(scope.from, scope.to)), limit: .max)
        )
    }

    /// The report with `part` filled in (every part for `.all`), reading probe results only for
    /// the parts that need them.
    ///
    /// The checks' periods are read while the tickets, their incidents' down time and their
    /// timelines are: the two reads share nothing, and each leaves a core idle at its ends.
    public func read(_ part: ReportPart, progress: ReportProgress = ReportProgress()) async throws -> ManagerReport {
        let now = clock.now
        let (from, to) = (scope.from, scope.to)
        var report = ManagerReport(from: from, to: to, generatedAt: now, customer: scope.customer)
        let probed = part == .all || part == .uptime || part == .responseTimes
        if probed { try await catchUp(progress: progress) }
        async let periods = probed ? readPeriods(progress: progress) : []
        let tickets = try await tickets()
        async let downtime = part == .all || part == .uptime ? reader.downtime(of: tickets, from: from, to: to) : [:]
        if part == .all || part == .tickets {
            report.tickets = try await TicketCountReport.read(tickets: tickets, store: store, from: from, to: to, now: now)
        }
        if probed {
            let periods = try await periods
            if part != .responseTimes {
                report.uptime = UptimeReport(checks: periods, downtime: try await downtime, from: from, to: to)
            }
            if part != .uptime { report.responseTimes = ResponseTimeReport(checks: periods, from: from, to: to) }
        }
        if part == .all || part == .deadlines { report.deadlines = DeadlineReport(tickets: tickets, from: from, to: to, now: now) }
        if part == .all || part == .fees {
            report.fees = FeeReport(tickets: tickets, catalogue: configuration.settings.catalogue, from: from, to: to)
        }
        return report
    }
}

extension TicketCountReport {
    /// The counts of `tickets`, with the audit trails of the RED ones for their timelines.
    public static func read(tickets: [Ticket], store: any TicketStore, from: Date, to: Date, now: Date) async throws -> Self {
        let trails = try await store.events(ticketIDs: redTicketIDs(of: tickets, from: from, to: to))
        return Self(tickets: tickets, events: trails, from: from, to: to, now: now)
    }
}
