import ArgumentParser

/// `triage`: probes hosted sites, raises RED incidents with their deadline, and lists tickets.
@main
struct Triage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Monitoring-driven incident detection and ticket desk for a hosting provider's TRIAGE policy.",
        subcommands: [
            RunCommand.self, CheckCommand.self, TicketsCommand.self, QueueCommand.self, CasesCommand.self, ReportCommand.self,
            BaselineCommand.self, StoreCommand.self, NodesCommand.self, SuspicionsCommand.self, UsersCommand.self, ServeCommand.self,
            ConfigCommand.self,
        ]
    )
}
