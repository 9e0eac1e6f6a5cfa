import Inbound
import Logging
import TriageCore

extension InboundServer {
    /// The listener of `settings` with one receiver and token for its whole life: what these tests
    /// need, where the daemon asks the configuration in force at each request.
    init(receiver: InboundReceiver, settings: InboundSettings, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        let intake = InboundIntake(token: settings.token, receiver: receiver)
        self.init(routes: InboundRoutes { _ in intake }, host: settings.host, port: settings.port, logger: logger, onListening: onListening)
    }
}
