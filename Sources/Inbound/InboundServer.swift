import Hummingbird
import Logging
import ServiceLifecycle
import TriageCore
import TriageHTTP

/// The listener of other monitoring tools' alerts of its own (`inbound.listen`), run inside
/// `triage run` when `inbound:` is configured: the ``InboundRoutes`` alone, for senders that must
/// not reach the API (another network, another firewall rule). The API server mounts the same
/// routes.
public struct InboundServer: Service {
    let routes: InboundRoutes
    let host: String
    let port: Int
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// - Parameters:
    ///   - routes: the inbound routes, which ask the configuration in force for the token at each request;
    ///   - port: 0 binds any free one, which `onListening` is told once the server listens.
    public init(
        routes: InboundRoutes, host: String, port: Int, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.routes = routes
        self.host = host
        self.port = port
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let router = Router()
        routes.add(to: router)
        try await HTTPListener(responder: router.buildResponder(), host: host, port: port, logger: logger, onListening: onListening).run()
    }
}
