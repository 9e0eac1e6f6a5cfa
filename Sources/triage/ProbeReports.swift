import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore

/// Opens the shared `ReportSource` for `--customer`, `--site` and the period, with the
/// configuration (for the checks and the catalogue) and the store.
extension ReportSource {
    static func open(_ global: GlobalOptions, _ options: ReportOptions, clock: any TriageClock = SystemClock()) async throws -> Self {
        let configuration = try global.loadConfiguration()
        let store = try await StoreFactory.open(global.storeLocation(configured: configuration.settings.store), clock: clock)
        let period = try options.interval(now: clock.now)
        let scope = ReportScope(from: period.from, to: period.to, customer: options.customer, site: options.site)
        return Self(configuration: configuration, store: store, clock: clock, scope: scope)
    }
}

extension ReportProgress {
    /// Progress drawn on standard error when it is a terminal.
    static func terminal() -> ReportProgress {
        let progress = TerminalProgress()
        return ReportProgress(
            rollingUp: { progress.show("Rolling up results", $0, $1, unit: "hours") },
            readingChecks: { progress.show("Reading checks", $0, $1, unit: "checks") },
            finish: { progress.finish() }
        )
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
        let whole = try await ReportSource.open(options, report).read(.uptime, progress: .terminal())
        try report.write(try whole.uptime.required(), whole: whole, text: UptimeTable().render, csv: ReportCSV().render)
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
        let whole = try await ReportSource.open(options, report).read(.responseTimes, progress: .terminal())
        try report.write(try whole.responseTimes.required(), whole: whole, text: ResponseTimeTable().render, csv: ReportCSV().render)
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

    func run() async throws {
        let full = try await ReportSource.open(options, report).read(.all, progress: .terminal())
        try report.write(full, whole: full, text: FullReportText().render, csv: { _ in "" })
    }
}

extension Optional {
    /// The part `ReportSource.read` was asked for, which it always fills.
    func required() throws -> Wrapped {
        guard let self else { throw ExitCode.failure }
        return self
    }
}
