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

    /// Rolls every check's results up to now, then reads the period of the checks in scope.
    public func periods(progress: ReportProgress = ReportProgress()) async throws -> [CheckPeriod] {
        let rollup = ResultRollup(
            store: store, checks: configuration.probes.checks, maintenance: configuration.probes.maintenance, clock: clock
        )
        try await rollup.catchUp(progress: progress.rollingUp)
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

    public func uptime(_ periods: [CheckPeriod], tickets: [Ticket]) async throws -> UptimeReport {
        let downtime = try await reader.downtime(of: tickets, from: scope.from, to: scope.to)
        return UptimeReport(checks: periods, downtime: downtime, from: scope.from, to: scope.to)
    }

    /// The report with `part` filled in (every part for `.all`), reading probe results only for
    /// the parts that need them.
    public func read(_ part: ReportPart, progress: ReportProgress = ReportProgress()) async throws -> ManagerReport {
        let now = clock.now
        let (from, to) = (scope.from, scope.to)
        var report = ManagerReport(from: from, to: to, generatedAt: now, customer: scope.customer)
        let tickets = try await tickets()
        if part == .all || part == .uptime || part == .responseTimes {
            let periods = try await periods(progress: progress)
            if part != .responseTimes { report.uptime = try await uptime(periods, tickets: tickets) }
            if part != .uptime { report.responseTimes = ResponseTimeReport(checks: periods, from: from, to: to) }
        }
        if part == .all || part == .tickets {
            report.tickets = try await TicketCountReport.read(tickets: tickets, store: store, from: from, to: to, now: now)
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
