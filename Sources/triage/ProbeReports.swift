import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore

/// What the uptime and response-time reports read: the configured checks narrowed to
/// `--customer` and `--site`, and the store's roll-ups, brought up to date first (with progress
/// on a terminal) so the report reads hours rather than results.
struct ProbeReportSource {
    let configuration: Configuration
    let store: any SharedStore
    let clock: any TriageClock
    let options: ReportOptions

    static func open(_ global: GlobalOptions, _ options: ReportOptions, clock: any TriageClock = SystemClock()) async throws -> Self {
        let configuration = try global.loadConfiguration()
        let store = try await StoreFactory.open(global.storeLocation(configured: configuration.settings.store), clock: clock)
        return Self(configuration: configuration, store: store, clock: clock, options: options)
    }

    /// The checks the report covers.
    var checks: [Check] {
        configuration.probes.checks.filter { check in
            (options.customer.map { $0 == check.customer } ?? true)
                && (options.site.map { $0 == check.targetID || "\(check.customer)/\($0)" == check.targetID } ?? true)
        }
    }

    /// Reads the covered checks only.
    private var reader: PeriodReader {
        PeriodReader(rollup: ResultRollup(store: store, checks: checks, maintenance: configuration.probes.maintenance, clock: clock))
    }

    /// The report's period and every covered check's over it.
    func read() async throws -> (period: (from: Date, to: Date), periods: [CheckPeriod]) {
        let period = try options.interval(now: clock.now)
        try await catchUp()
        return (period, try await periods(from: period.from, to: period.to))
    }

    /// Rolls up what the daemon has not, so the report reads hours rather than results.
    func catchUp() async throws {
        let progress = TerminalProgress()
        let rollup = ResultRollup(
            store: store, checks: configuration.probes.checks, maintenance: configuration.probes.maintenance, clock: clock
        )
        try await rollup.catchUp { progress.show("Rolling up results", $0, $1, unit: "hours") }
        progress.finish()
    }

    /// Every covered check's period, from the roll-ups (see ``catchUp()``).
    func periods(from: Date, to: Date) async throws -> [CheckPeriod] {
        let progress = TerminalProgress()
        let periods = try await reader.periods(from: from, to: to) { progress.show("Reading checks", $0, $1, unit: "checks") }
        progress.finish()
        return periods
    }

    /// The customer's tickets active in the period, whose incidents the uptime report puts down time to.
    func tickets(from: Date, to: Date) async throws -> [Ticket] {
        try await options.tickets(in: store, from: from, to: to)
    }

    /// The down time each of `tickets`' incidents covered, per check.
    func downtime(of tickets: [Ticket], from: Date, to: Date) async throws -> [String: [IncidentDowntime.Share]] {
        try await reader.downtime(of: tickets, from: from, to: to)
    }
}

struct UptimeReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uptime",
        abstract: "Uptime per customer and site from the probe results, with maintenance and unknown time apart and down time by cause."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let source = try await ProbeReportSource.open(options, report)
        let (period, periods) = try await source.read()
        let tickets = try await source.tickets(from: period.from, to: period.to)
        try report.emit(
            UptimeReport(
                checks: periods, downtime: try await source.downtime(of: tickets, from: period.from, to: period.to), from: period.from,
                to: period.to
            ),
            part: \.uptime, period: period,
            now: source.clock.now, text: UptimeTable().render, csv: ReportCSV().render
        )
    }
}

struct ResponseTimesReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "response-times",
        abstract: "Response times per check from the probe results: p50, p95, p99, per day, and the slowest hours."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let source = try await ProbeReportSource.open(options, report)
        let (period, periods) = try await source.read()
        try report.emit(
            ResponseTimeReport(checks: periods, from: period.from, to: period.to), part: \.responseTimes, period: period,
            now: source.clock.now, text: ResponseTimeTable().render, csv: ReportCSV().render
        )
    }
}

/// `triage report` alone: every part for the period, as text, JSON or one HTML page.
struct FullReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Every report for the period: uptime, response times, tickets, deadlines and fees (the default)."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if report.format == .csv {
            throw ValidationError("The full report has several tables; for CSV, ask for one: triage report uptime --format csv, and so on.")
        }
    }

    /// The checks' periods are read while the tickets, their incidents' down time and their
    /// timelines are: the two reads share nothing, and each leaves a core idle at its ends.
    func run() async throws {
        let source = try await ProbeReportSource.open(options, report)
        let now = source.clock.now
        let period = try report.interval(now: now)
        try await source.catchUp()
        async let checkPeriods = source.periods(from: period.from, to: period.to)
        let tickets = try await source.tickets(from: period.from, to: period.to)
        async let downtime = source.downtime(of: tickets, from: period.from, to: period.to)
        let ticketCounts = try await TicketCountReport.read(tickets: tickets, store: source.store, from: period.from, to: period.to, now: now)
        let periods = try await checkPeriods
        let full = ManagerReport(
            from: period.from, to: period.to, generatedAt: now, customer: report.customer,
            uptime: UptimeReport(checks: periods, downtime: try await downtime, from: period.from, to: period.to),
            responseTimes: ResponseTimeReport(checks: periods, from: period.from, to: period.to),
            tickets: ticketCounts,
            deadlines: DeadlineReport(tickets: tickets, from: period.from, to: period.to, now: now),
            fees: FeeReport(tickets: tickets, catalogue: source.configuration.settings.catalogue, from: period.from, to: period.to)
        )
        try report.write(full, whole: full, text: FullReportText().render, csv: { _ in "" })
    }
}
