import ArgumentParser
import Foundation
import ServiceLifecycle
import TriageApp
import TriageServer

/// `triage serve`: the HTTP API alone, without probing (`triage run --http` runs both).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/api/v1) for the accounts of `triage users`; stops gracefully on SIGTERM or SIGINT.",
        discussion: "Clients send `Authorization: Bearer TOKEN` (`triage users token NAME` issues one). GET /api/v1/openapi.json describes every route."
    )
    @OptionGroup var options: GlobalOptions
    @Option(help: "Listen on HOST:PORT (port 0 picks a free one, logged as api.listening).") var http = "127.0.0.1:8080"

    func validate() throws {
        if HTTPAddress(parsing: http) == nil {
            throw ValidationError("--http \(http) is not HOST:PORT; write it like 127.0.0.1:8080 (or [::1]:8080).")
        }
    }

    func run() async throws {
        let logger = options.makeLogger()
        let configuration = try options.loadConfiguration()
        let desk = try await options.openDesk()
        let server = APIServer(
            routes: APIRoutes(desk: desk, configuration: configuration), address: HTTPAddress(parsing: http)!, logger: logger
        )
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
