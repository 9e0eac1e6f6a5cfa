import Hummingbird
import Logging
import ServiceLifecycle

/// A responder served over HTTP/1.1 on one address until the service group shuts it down
/// (gracefully: requests in flight are answered). The API server and the `inbound:` receiver both
/// run through it, so they bind, name themselves and report their port the same way, and a change
/// to how Triage listens (a server name, an option of Hummingbird's) is made once.
///
/// ```swift
/// let listener = HTTPListener(responder: router.buildResponder(), host: "127.0.0.1", port: 0, logger: logger) { port in
///     logger.notice("api.listening", metadata: ["http.port": "\(port)"])
/// }
/// try await listener.run()
/// ```
public struct HTTPListener<Responder: HTTPResponder>: Service
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let responder: Responder
    let host: String
    let port: Int
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// - Parameters:
    ///   - port: 0 binds any free port, which `onListening` is then told.
    ///   - onListening: told the bound port once the server accepts connections.
    public init(
        responder: Responder, host: String, port: Int, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.responder = responder
        self.host = host
        self.port = port
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let onListening = self.onListening
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "triage"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        try await app.run()
    }
}
