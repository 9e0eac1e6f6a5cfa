import ArgumentParser
import TriageApp

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Probe every configured check on its interval and raise incidents until stopped (SIGINT/SIGTERM)."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let daemon = Daemon(
            configuration: configuration,
            storeLocation: options.storeLocation(configured: configuration.settings.store),
            logger: options.makeLogger()
        )
        try await daemon.run()
    }
}
