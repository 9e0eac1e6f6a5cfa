import Foundation
import Hummingbird
import HummingbirdAuth
import Inbound
import Logging
import TicketStore
import TriageApp
import TriageCore
import TriageMetrics

/// The JSON API under `/api/v1`: the CLI's desk, queue, sites and reports over HTTP, each route
/// behind a bearer token and a least role (see ``AccountRole``), every error a problem document.
///
/// ```swift
/// let (router, routes) = APIRoutes(desk: desk, configuration: configuration).router()
/// let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// ```
public struct APIRoutes: Sendable {
    public static let prefix = "/api/v1"

    /// The configuration in force, asked at each request: a reload (SIGHUP, or `POST config/reload`)
    /// reaches the desk's catalogue and plans and the board's checks without a restart.
    private let current: @Sendable () -> Configuration
    let store: any SharedStore
    let clock: any TriageClock
    /// Served at `/metrics` when set (`triage run --http`: the scheduler feeds it).
    let metrics: TriageMetrics?
    /// Behind `POST config/reload` when set (`triage run --http`).
    let reloader: ConfigReloader?

    /// The routes over a configuration that stays as it is (`triage serve`): no metrics, no reload.
    public init(desk: Desk, configuration: Configuration) {
        self.init(store: desk.store, clock: desk.clock, configuration: { configuration }, metrics: nil, reloader: nil)
    }

    /// The routes of a running daemon, its configuration in force, its metrics and its reloader.
    public init(daemon parts: DaemonParts) {
        self.init(store: parts.store, clock: parts.clock, configuration: { parts.configuration }, metrics: parts.metrics, reloader: parts.reloader)
    }

    init(
        store: any SharedStore, clock: any TriageClock, configuration: @escaping @Sendable () -> Configuration, metrics: TriageMetrics?,
        reloader: ConfigReloader?
    ) {
        self.store = store
        self.clock = clock
        current = configuration
        self.metrics = metrics
        self.reloader = reloader
    }

    var configuration: Configuration { current() }

    /// The desk over the configuration in force.
    var desk: Desk {
        let configuration = current()
        return Desk(store: store, catalogue: configuration.settings.catalogue, plans: configuration.probes.plans, clock: clock)
    }

    /// The paths of other tools' alerts (each a `POST`), mounted beside the API with the inbound
    /// token of the configuration in force, and answering 404 while it has none (see ``InboundRoutes``
    /// for their answers and why they take no account's token). Not in the route list of
    /// ``router()``, whose routes each need an account's role; the OpenAPI document has them.
    public static let inboundPaths = InboundRoutes.paths

    /// The router with every route, the dashboard's pages and the inbound routes included, and the
    /// list of the API's routes (method, path, least role): what the OpenAPI document describes.
    public func router() -> (Router<APIContext>, [APIRoute]) {
        let router = Router(context: APIContext.self)
        router.add(middleware: NoSniffMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: TokenAuthenticator(store: store, clock: clock))
        let registry = RouteRegistry(router: router, prefix: Self.prefix)
        addTicketRoutes(registry)
        addActionRoutes(registry)
        addBoardRoutes(registry)
        addReportRoutes(registry)
        addAccountRoutes(registry)
        registry.on(.get, "openapi.json", role: .viewer) { _, _, _ in try OpenAPIDocument.response() }
        registry.on(.get, "/openapi.yaml", role: .viewer) { _, _, _ in try OpenAPIDocument.response(contentType: "application/yaml") }
        addOperationRoutes(registry)
        InboundRoutes(store: store, clock: clock, configuration: current).add(to: router)
        DashboardRoutes(api: self).add(to: router)
        return (router, registry.routes)
    }

    /// The ticket id of the path, or a 404 problem for one that is not a number.
    static func ticketID(_ context: APIContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw Problem(.notFound, detail: "no ticket \(context.parameters.get("id") ?? ""); ticket ids are positive integers")
        }
        return id
    }
}
