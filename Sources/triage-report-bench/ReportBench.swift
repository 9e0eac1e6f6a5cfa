import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore
import TriageTesting

/// The report benchmark's data: `generate` writes a workspace (config/, probes/ with `--sites`
/// sites of one http check each, and a SQLite store holding `--days` of minute-by-minute results
/// with outages, gaps and the incidents of the outages), and `rollup` times the roll-up of it all.
/// `scripts/bench-report.sh` runs both, then times `triage report` on the result.
@main
struct ReportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage-report-bench",
        abstract: "Generates a month of probe results and times their roll-up, for the report benchmark.",
        subcommands: [Generate.self, RollupCommand.self]
    )
}

struct Workspace: ParsableArguments {
    @Option(help: "The workspace folder (config/, probes/, var/triage.sqlite).") var dir: String

    var configPath: String { dir + "/config/triage.yml" }
    var probesPath: String { dir + "/probes" }
    var storePath: String { dir + "/var/triage.sqlite" }
}

struct Generate: AsyncParsableCommand {
    @OptionGroup var workspace: Workspace
    @Option(help: "How many sites (one http check each, probed every minute).") var sites = 1000
    @Option(help: "How many days of results, ending at the last UTC midnight.") var days = 30
    @Option(help: "Sites per customer (one probe file each).") var sitesPerCustomer = 100
    @Option(help: "The seed of the outages, gaps and times.") var seed: UInt64 = 42

    func run() async throws {
        try FileManager.default.createDirectory(atPath: workspace.probesPath, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.dir + "/config", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "config/triage.yml", toPath: workspace.configPath)
        try writeProbeFiles()
        let configuration = try Configuration.load(configPath: workspace.configPath, probesDirectory: workspace.probesPath)
        let checks = configuration.probes.checks
        let store = try await StoreFactory.open(.sqlite(path: workspace.storePath), clock: SystemClock())
        let end = Rollup.day(of: Date())
        let start = end.addingTimeInterval(-Double(days) * 86_400)
        var history = SyntheticHistory(checks: checks, start: start, days: days, seed: seed)
        let began = Date()
        var written = 0
        for hour in 0..<(days * 24) {
            let results = history.results(ofHour: hour)
            try await store.record(results)
            written += results.count
            if hour % 24 == 23 {
                let rate = Double(written) / Date().timeIntervalSince(began)
                print("day \(hour / 24 + 1)/\(days): \(written) results (\(Int(rate)) per second)")
            }
        }
        let incidents = try await history.raiseIncidents(into: store, plans: configuration.probes.plans, catalogue: configuration.settings.catalogue)
        print("generated: \(checks.count) checks, \(written) results, \(incidents) incidents, from \(start) to \(end)")
        print("results written per second: \(Int(Double(written) / Date().timeIntervalSince(began)))")
        print("report period: --from \(Self.day(start)) --to \(Self.day(end))")
    }

    private func writeProbeFiles() throws {
        for first in stride(from: 0, to: sites, by: sitesPerCustomer) {
            let customer = String(format: "customer-%03d", first / sitesPerCustomer + 1)
            var yaml = "customer: \(customer)\ndefaults:\n  interval: 1m\n  timeout: 15s\nsites:\n"
            for index in first..<min(first + sitesPerCustomer, sites) {
                yaml += String(format: "  - {name: site-%04d, url: \"http://127.0.0.1:9/\"}\n", index + 1)
            }
            try yaml.write(toFile: "\(workspace.probesPath)/\(customer).yml", atomically: true, encoding: .utf8)
        }
    }

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
    }
}

struct RollupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollup", abstract: "Rolls up the generated results, timed.")
    @OptionGroup var workspace: Workspace

    func run() async throws {
        let configuration = try Configuration.load(configPath: workspace.configPath, probesDirectory: workspace.probesPath)
        let store = try await StoreFactory.open(.sqlite(path: workspace.storePath), clock: SystemClock())
        let rollup = ResultRollup(
            store: store, checks: configuration.probes.checks, maintenance: configuration.probes.maintenance, clock: SystemClock()
        )
        let began = Date()
        let hours = try await rollup.catchUp { done, total in
            if done % 120 == 0 || done == total { print("rolled up \(done)/\(total) hours") }
        }
        let seconds = Date().timeIntervalSince(began)
        print(String(format: "roll-up: %d hours of %d checks in %.1f s (%.0f check-hours per second), peak RSS %d MB",
                     hours, configuration.probes.checks.count, seconds, Double(hours * configuration.probes.checks.count) / seconds,
                     ProcessUsage.peakRSSMegabytes()))
    }
}
