import ArgumentParser
import Foundation
import Logging
import TriageApp
import TriageConfig
import TriageCore

/// Options every command shares: where the configuration, the probe targets and the store are.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The settings file.")
    var config = "config/triage.yml"

    @Option(help: "The folder of probe target files (*.yml).")
    var probes = "probes"

    @Option(
        help: "The ticket store: a SQLite file path (default var/triage.sqlite) or postgres://USER@HOST:PORT/DB[?sslmode=verify-full] (or TRIAGE_STORE, or store: in the settings)."
    )
    var store: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    /// A logger writing to standard error, bootstrapped once per process.
    func makeLogger() -> Logger {
        LoggingBootstrap.once()
        var logger = Logger(label: "triage")
        logger.logLevel = logLevel
        return logger
    }

    /// The validated configuration; on errors, prints every one of them and exits with 1.
    func loadConfiguration() throws -> Configuration {
        do {
            return try Configuration.load(configPath: config, probesDirectory: probes)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }

    func storeLocation(configured: String?) -> StoreLocation {
        StoreLocation.resolve(flag: store, environment: ProcessInfo.processInfo.environment, configured: configured)
    }

    /// The store for commands that only read it: the settings file is read only when neither the
    /// flag nor the environment names a store, so reading tickets works even with a broken probes/.
    func readStoreLocation() throws -> StoreLocation {
        if store != nil || ProcessInfo.processInfo.environment["TRIAGE_STORE"] != nil {
            return storeLocation(configured: nil)
        }
        return storeLocation(configured: try loadConfiguration().settings.store)
    }

    /// The desk: the store with the catalogue and the customers' deadlines from the configuration.
    func openDesk(clock: any TriageClock = SystemClock()) async throws -> Desk {
        let configuration = try loadConfiguration()
        let store = try await StoreFactory.open(storeLocation(configured: configuration.settings.store), clock: clock)
        return Desk(store: store, catalogue: configuration.settings.catalogue, plans: configuration.probes.plans, clock: clock)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

enum LoggingBootstrap {
    private static let done: Void = LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    static func once() { _ = done }
}

extension OutputFormat: ExpressibleByArgument {}
