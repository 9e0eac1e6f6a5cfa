import ArgumentParser
import TriageApp

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the configuration.",
        subcommands: [ValidateConfig.self]
    )
}

struct ValidateConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check config/triage.yml and probes/; print every error with its file, line and fix.",
        discussion: "Exit status: 0 when valid, 1 when any error was found."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let probes = configuration.probes
        let settings = configuration.settings
        var parts = [
            "\(probes.targets.count) targets", "\(probes.checks.count) checks", "\(settings.catalogue.cases.count) catalogue cases",
            "\(settings.notify.channels.count) notification channels", "\(probes.maintenance.windows.count) maintenance windows",
        ]
        if let inbound = settings.inbound { parts.append("inbound alerts on \(inbound.host):\(inbound.port)") }
        print("Configuration is valid: " + parts.joined(separator: ", ") + ".")
    }
}
