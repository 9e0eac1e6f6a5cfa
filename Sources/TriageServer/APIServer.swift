import Hummingbird
import Logging
import ServiceLifecycle
import TriageHTTP

/// The HTTP API as a service: `triage serve` runs it alone, `triage run --http` beside the
/// scheduler in the daemon's group; it stops gracefully with the group (SIGTERM, SIGINT),
/// finishing the requests in flight.
public struct APIServer: Service {
    let routes: APIRoutes
    let address: HTTPAddress
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// - Parameter onListening: told the bound port once the server listens (port 0 binds any free one).
    public init(
        routes: APIRoutes, address: HTTPAddress, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.routes = routes
        self.address = address
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let (router, routeList) = routes.router()
        let onListening = self.onListening
        let logger = self.logger
        let address = self.address
        let listener = HTTPListener(responder: router.buildResponder(), host: address.host, port: address.port, logger: logger) { port in
            logger.notice("api.listening", metadata: ["http.host": "\(address.host)", "http.port": "\(port)", "api.routes": "\(routeList.count)"])
            await onListening(port)
        }
        try await listener.run()
    }
}

/// Where the API listens, written HOST:PORT (`127.0.0.1:8080`, `[::1]:8080`; port 0 picks a free one).
public struct HTTPAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Nil unless `text` is HOST:PORT with a port from 0 to 65535.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.init(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
