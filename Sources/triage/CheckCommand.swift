import ArgumentParser
import Foundation
import TriageApp
import TriageCore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe checks once now and print their results with phase timings.",
        discussion: "Exit status: 0 when every check is up, 2 when any is degraded or down, 1 on a configuration error."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Customers, targets (customer/site) or checks (customer/site/check); all when omitted.")
    var selectors: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if selectors.contains(where: \.isEmpty) { throw ValidationError("A selector cannot be empty; name a customer, customer/site or customer/site/check.") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let checks = configuration.checks(matching: selectors)
        guard !checks.isEmpty else {
            throw ValidationError("No check matches \(selectors.joined(separator: ", ")); `triage check` with no argument lists them all.")
        }
        let results = try await OneShotCheck.run(
            checks, concurrency: configuration.settings.scheduler.concurrency, clock: SystemClock(), logger: options.makeLogger()
        )
        switch format {
        case .text: print(ResultTable().render(results))
        case .json: print(try JSONRenderer<[ProbeResult]>().render(results))
        }
        if results.contains(where: { $0.outcome != .up }) { throw ExitCode(2) }
    }
}
