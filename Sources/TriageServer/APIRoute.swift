import Hummingbird
import HummingbirdAuth
import TicketStore

/// One route of the API as registered: method, path (Hummingbird syntax, `{id}` for a parameter)
/// and the least role it needs. The list of them is what tests walk (401 and 403 on each) and
/// what the OpenAPI document must describe.
public struct APIRoute: Sendable, Hashable {
    public var method: HTTPRequest.Method
    public var path: String
    public var role: AccountRole

    /// The path as OpenAPI writes it, the same `{id}` syntax with the `/api/v1` prefix (a path
    /// given from the root, `/metrics`, stays as it is).
    public var fullPath: String { path.hasPrefix("/") ? path : APIRoutes.prefix + "/" + path }
}

/// Registers routes on the API group, each behind its role check, and keeps their list.
final class RouteRegistry {
    private let router: Router<APIContext>
    private let group: RouterGroup<APIContext>
    private(set) var routes: [APIRoute] = []

    /// Paths are under `prefix`, except those given from the root (`/metrics`, where Prometheus looks).
    init(router: Router<APIContext>, prefix: String) {
        self.router = router
        group = router.group(RouterPath(prefix))
    }

    /// Adds `handler` at `method path` for accounts of `role` or above: 401 without an account,
    /// 403 with one whose role is too low, before the handler runs.
    func on(
        _ method: HTTPRequest.Method, _ path: String, role: AccountRole,
        _ handler: @escaping @Sendable (Request, APIContext, Account) async throws -> Response
    ) {
        routes.append(APIRoute(method: method, path: path, role: role))
        let guarded: @Sendable (Request, APIContext) async throws -> Response = { request, context in
            guard let account = context.identity else { throw Problem.unauthorized }
            guard account.role >= role else { throw Problem.forbidden(account, needs: role) }
            return try await handler(request, context, account)
        }
        if path.hasPrefix("/") {
            router.on(RouterPath(path), method: method, use: guarded)
        } else {
            group.on(RouterPath(path), method: method, use: guarded)
        }
    }
}
