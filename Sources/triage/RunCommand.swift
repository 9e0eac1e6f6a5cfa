import ArgumentParser
import Foundation
import TriageApp
import TriageCore
import TriageServer

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Probe every configured check on its interval and raise incidents until stopped (SIGINT/SIGTERM); SIGHUP reloads config and probes.",
        discussion: """
            With --node, this process is one of several nodes sharing the store (a PostgreSQL store, or one SQLite \
            file on one machine): the checks are split among the live nodes through leases in the store \
            (cluster.lease in the settings, 30s by default), and `triage nodes` lists them.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "This node's name, unique among the nodes sharing the store (or TRIAGE_NODE); alone when omitted.")
    var node: String?

    @Option(help: "Where this node probes from, shown in incidents' evidence (or TRIAGE_LOCATION; default: the host name).")
    var location: String?

    @Option(help: "Also serve the JSON API on HOST:PORT, as `triage serve` does (such as 127.0.0.1:8080).")
    var http: String?

    func validate() throws {
        if let http, HTTPAddress(parsing: http) == nil {
            throw ValidationError("--http \(http) is not HOST:PORT; write it like 127.0.0.1:8080 (or [::1]:8080).")
        }
        let environment = ProcessInfo.processInfo.environment
        let name = node ?? environment["TRIAGE_NODE"]
        if name == nil, location != nil {
            throw ValidationError("--location says where a node probes from; give the node a name with --node NAME too")
        }
        if let name, name.isEmpty || name.contains(where: \.isWhitespace) {
            throw ValidationError("the node name \"\(name)\" is empty or has spaces; give a short name such as par-1")
        }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let clock = SystemClock()
        let environment = ProcessInfo.processInfo.environment
        let probeNode = (node ?? environment["TRIAGE_NODE"]).map { name in
            ProbeNode(
                name: name, location: location ?? environment["TRIAGE_LOCATION"] ?? ProcessInfo.processInfo.hostName,
                startedAt: clock.now
            )
        }
        let logger = options.makeLogger()
        var daemon = Daemon(
            configuration: configuration,
            storeLocation: options.storeLocation(configured: configuration.settings.store),
            clock: clock, node: probeNode, files: ConfigurationFiles(configPath: options.config, probesDirectory: options.probes),
            logger: logger
        )
        if let address = http.flatMap(HTTPAddress.init(parsing:)) {
            daemon.extraServices.append { parts in APIServer(routes: APIRoutes(daemon: parts), address: address, logger: logger) }
        }
        try await daemon.run()
    }
}
