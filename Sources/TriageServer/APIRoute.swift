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

    /// The path as OpenAPI writes it, the same `{id}` syntax with the `/api/v1` prefix.
    public var fullPath: String { APIRoutes.prefix + "/" + path }
}

/// Registers routes on the API group, each behind its role check, and keeps their list.
final class RouteRegistry {
    private let group: RouterGroup<APIContext>
    private(set) var routes: [APIRoute] = []

    init(group: RouterGroup<APIContext>) {
        self.group = group
    }

    /// Adds `handler` at `method path` for accounts of `role` or above: 401 without an account,
    /// 403 with one whose role is too low, before the handler runs.
    func on(
        _ method: HTTPRequest.Method, _ path: String, role: AccountRole,
        _ handler: @escaping @Sendable (Request, APIContext, Account) async throws -> Response
    ) {
        routes.append(APIRoute(method: method, path: path, role: role))
        group.on(RouterPath(path), method: method) { request, context in
            guard let account = context.identity else { throw Problem.unauthorized }
            guard account.role >= role else { throw Problem.forbidden(account, needs: role) }
            return try await handler(request, context, account)
        }
    }
}
