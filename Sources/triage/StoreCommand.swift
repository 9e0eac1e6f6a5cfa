import ArgumentParser
import TriageApp
import TriageCore

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work with the ticket store.",
        subcommands: [MigrateStore.self, ExportStore.self, ImportStore.self]
    )
}

/// `triage store migrate`: the explicit schema upgrade, to run once after installing a new release
/// (on one node for a shared PostgreSQL store) and to see what it changed.
struct MigrateStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the store's pending schema migrations and print each one applied.",
        discussion: """
            The store is --store, TRIAGE_STORE or store: in the settings, as for every command. \
            A store migrated by a newer release of triage is refused (exit status 1), and so is `triage run` on it.
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let report = try await StoreFactory.migrate(try options.readStoreLocation(), clock: SystemClock())
        print(report)
    }
}
