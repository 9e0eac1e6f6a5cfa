import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import TicketStore
import TriageApp
import TriageCore

/// The JSON API under `/api/v1`: the CLI's desk, queue, sites and reports over HTTP, each route
/// behind a bearer token and a least role (see ``AccountRole``), every error a problem document.
///
/// ```swift
/// let (router, routes) = APIRoutes(desk: desk, configuration: configuration).router()
/// let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// ```
public struct APIRoutes: Sendable {
    public static let prefix = "/api/v1"

    let desk: Desk
    let configuration: Configuration

    public init(desk: Desk, configuration: Configuration) {
        self.desk = desk
        self.configuration = configuration
    }

    /// The router with every route, and the list of them (method, path, least role).
    public func router() -> (Router<APIContext>, [APIRoute]) {
        let router = Router(context: APIContext.self)
        router.add(middleware: NoSniffMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: TokenAuthenticator(store: desk.store, clock: desk.clock))
        let registry = RouteRegistry(group: router.group(RouterPath(Self.prefix)))
        addTicketRoutes(registry)
        addActionRoutes(registry)
        addBoardRoutes(registry)
        addReportRoutes(registry)
        registry.on(.get, "accounts", role: .admin) { _, _, _ in
            try JSONBody.response(try await desk.store.accounts().map(AccountJSON.init))
        }
        registry.on(.get, "openapi.json", role: .viewer) { _, _, _ in try OpenAPIDocument.response() }
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
