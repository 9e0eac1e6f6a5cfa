import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore

/// `triage report [all|uptime|response-times|tickets|deadlines|fees]`: what managers answer to customers with.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for managers: uptime, response times, tickets by code, case and source, deadlines kept, fees billed.",
        subcommands: [
            FullReport.self, UptimeReportCommand.self, ResponseTimesReport.self, TicketsReport.self, DeadlinesReport.self,
            FeesReport.self,
        ],
        defaultSubcommand: FullReport.self
    )
}

/// The options every report takes: the period, the customer and the format.
struct ReportOptions: ParsableArguments {
    @Option(help: "The first day, YYYY-MM-DD (UTC), included.") var from: String?
    @Option(help: "The day after the last, YYYY-MM-DD (UTC), excluded; default now.") var to: String?
    @Option(help: "Instead of --from: the last day, week (7 days), month (30), quarter (91) or year (365) up to --to.")
    var period: ReportPeriod?
    @Option(help: "Only this customer's sites and tickets.") var customer: String?
    @Option(help: "Only this site (its id, such as acme/shop, or its name) in the uptime and response-time reports.")
    var site: String?
    @Option(help: "Output format: text, json, csv or html (one self-contained page with charts).") var format: ReportFormat = .text
    @Option(help: "Write the report to this file (replaced atomically) instead of standard output.") var output: String?

    func validate() throws {
        if from != nil, period != nil { throw ValidationError("Give --from or --period, not both.") }
        for (flag, value) in [("--from", from), ("--to", to)] {
            if let value, Self.day(value) == nil { throw ValidationError("\(flag) \(value) is not a date; write it as YYYY-MM-DD, such as 2026-11-01.") }
        }
        if let range = try? interval(now: Date()), range.from >= range.to {
            throw ValidationError("--from must be before --to.")
        }
    }

    /// The report's period; without --from or --period, the last 30 days.
    func interval(now: Date) throws -> (from: Date, to: Date) {
        let end = to.flatMap(Self.day) ?? now
        let start = from.flatMap(Self.day) ?? end.addingTimeInterval(-Double((period ?? .month).days) * 86_400)
        return (start, end)
    }

    /// The tickets a report over `[from, to)` reads: the customer's that were active in it (opened,
    /// ended or down then), not the store's whole history.
    func tickets(in store: any TicketStore, from: Date, to: Date) async throws -> [Ticket] {
        try await store.tickets(TicketFilter(customer: customer, activeWithin: DateInterval(start: from, end: max(from, to)), limit: .max))
    }

    static func day(_ text: String) -> Date? { ReportScope.day(text) }
}

enum ReportPeriod: String, ExpressibleByArgument, CaseIterable {
    case day, week, month, quarter, year

    var days: Int {
        switch self {
        case .day: 1
        case .week: 7
        case .month: 30
        case .quarter: 91
        case .year: 365
        }
    }
}

extension ReportOptions {
    /// What every ticket report does: read the customer's tickets, build the report over the
    /// period, and write it in the chosen format.
    func print<Report: Encodable>(
        store location: StoreLocation, build: ([Ticket], _ from: Date, _ to: Date, _ now: Date) -> Report,
        text: (Report) -> String, csv: (Report) -> String, part: WritableKeyPath<ManagerReport, Report?>
    ) async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(location, clock: clock)
        let period = try interval(now: clock.now)
        let tickets = try await tickets(in: store, from: period.from, to: period.to)
        try emit(build(tickets, period.from, period.to, clock.now), part: part, period: period, now: clock.now, text: text, csv: csv)
    }

    /// Writes one part in the chosen format (html: a ``ManagerReport`` holding just that part)
    /// to standard output or the `--output` file.
    func emit<Report: Encodable>(
        _ report: Report, part: WritableKeyPath<ManagerReport, Report?>, period: (from: Date, to: Date), now: Date,
        text: (Report) -> String, csv: (Report) -> String
    ) throws {
        var manager = ManagerReport(from: period.from, to: period.to, generatedAt: now, customer: customer)
        manager[keyPath: part] = report
        try write(report, whole: manager, text: text, csv: csv)
    }

    /// Writes `report` in the chosen format; `whole` is what the HTML page shows.
    func write<Report: Encodable>(
        _ report: Report, whole: ManagerReport, text: (Report) -> String, csv: (Report) -> String
    ) throws {
        try ReportOutput(path: output).write { sink in
            switch format {
            case .text: sink.write(text(report) + "\n")
            case .json:
                try JSONRenderer<Report>().write(report, to: sink)
                sink.write("\n")
            case .csv: sink.write(csv(report))
            case .html: HTMLReport().write(whole, to: sink)
            }
        }
    }
}

struct TicketsReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "The tickets opened in the period by code, case and source, and the RED ones with their timelines."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(try options.readStoreLocation(), clock: clock)
        let period = try report.interval(now: clock.now)
        let tickets = try await report.tickets(in: store, from: period.from, to: period.to)
        try report.emit(
            try await TicketCountReport.read(tickets: tickets, store: store, from: period.from, to: period.to, now: clock.now),
            part: \.tickets, period: period, now: clock.now, text: TicketCountTable().render, csv: ReportCSV().render
        )
    }
}

struct DeadlinesReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "Per code, the tickets opened in the period: met, breached, moot, pending, and the times to take and resolve."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await report.print(
            store: try options.readStoreLocation(), build: DeadlineReport.init(tickets:from:to:now:),
            text: DeadlineTable().render, csv: ReportCSV().render, part: \.deadlines
        )
    }
}

struct FeesReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Per customer and case, what the tickets resolved in the period bill, and the fees still to agree."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let catalogue = try options.loadConfiguration().settings.catalogue
        try await report.print(
            store: try options.readStoreLocation(),
            build: { tickets, from, to, _ in FeeReport(tickets: tickets, catalogue: catalogue, from: from, to: to) },
            text: FeeTable().render, csv: ReportCSV().render, part: \.fees
        )
    }
}

extension ReportFormat: ExpressibleByArgument {}
