import Foundation
import Hummingbird
import TicketStore

/// The server-rendered dashboard under `/`, beside the JSON API: the queue, the site board, the
/// ticket page and the reports, for browsers signed in with a password (a session cookie) rather
/// than a bearer token. Each page needs the role its API route needs; an anonymous browser is sent
/// to `/login`, a lower role gets a 403 page. Pages read through the same functions as the API
/// (``WorkQueue``, `siteStatuses`, the desk), so both always agree.
///
/// ```swift
/// DashboardRoutes(api: routes, clock: clock).add(to: router)
/// ```
struct DashboardRoutes: Sendable {
    static let cookieName = "triage_session"

    let api: APIRoutes
    let sessions: BrowserSessions
    let throttle: LoginThrottle

    init(api: APIRoutes) {
        self.api = api
        sessions = BrowserSessions(store: api.store, clock: api.clock)
        throttle = LoginThrottle(clock: api.clock)
    }

    func add(to router: Router<APIContext>) {
        addLoginRoutes(router)
        page(router, .get, "/", role: .viewer) { request, _, visitor in try await queuePage(request, visitor) }
        page(router, .get, "/sites", role: .viewer) { request, _, visitor in try await sitesPage(request, visitor) }
        addTicketPages(router)
        addReportPages(router)
    }

    /// Adds `handler` at `method path` for signed-in accounts of `role` or above. The handler's
    /// refusals (an unknown ticket, a ticket in the wrong state) become an error page with the
    /// API's status and sentence.
    func page(
        _ router: Router<APIContext>, _ method: HTTPRequest.Method, _ path: String, role: AccountRole,
        _ handler: @escaping @Sendable (Request, APIContext, Visitor) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method) { request, context in
            guard let visitor = try await self.visitor(of: request) else { return Self.toLogin(from: request) }
            guard visitor.account.role >= role else {
                let detail = "account \(visitor.account.name) is \(visitor.account.role.rawValue); this page needs \(role.rawValue) or above"
                return try Self.errorPage(.forbidden, detail, visitor)
            }
            do {
                return try await handler(request, context, visitor)
            } catch {
                guard let problem = Problem.from(error) else { throw error }
                return try Self.errorPage(problem.status, problem.detail, visitor)
            }
        }
    }

    /// Adds a state-changing form's `POST path`: its URL-encoded fields are read (size-limited
    /// like the API's bodies) and its `csrf` field must be the session's token, else 403 and
    /// nothing changes.
    func form(
        _ router: Router<APIContext>, _ path: String, role: AccountRole,
        _ handler: @escaping @Sendable ([String: String], Visitor, APIContext) async throws -> Response
    ) {
        page(router, .post, path, role: role) { request, context, visitor in
            let fields = try await FormBody.fields(of: request)
            guard let token = fields["csrf"], FormBody.same(token, visitor.session.csrfToken) else {
                let detail = "the form's security token is missing or stale; reload the page and send the form again"
                return try Self.errorPage(.forbidden, detail, visitor)
            }
            return try await handler(fields, visitor, context)
        }
    }

    /// The signed-in account of the request's session cookie: nil without one, once the session
    /// expired, or once its account was disabled (which also ends every session of the account).
    func visitor(of request: Request) async throws -> Visitor? {
        guard let id = request.cookies[Self.cookieName]?.value, let session = try await sessions.session(id: id) else { return nil }
        guard let account = try await api.store.account(named: session.account), account.isEnabled else {
            try await sessions.closeAll(of: session.account)
            return nil
        }
        return Visitor(account: account, session: session)
    }

    /// 303 to `/login?next=` the requested page (a form post returns to the page it came from).
    static func toLogin(from request: Request) -> Response {
        let next = request.method == .get ? request.uri.description : "/"
        return redirect("/login?next=" + FormBody.encode(next))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func errorPage(_ status: HTTPResponse.Status, _ detail: String, _ visitor: Visitor?) throws -> Response {
        try DashboardTemplates.response(
            "error", ErrorPage(chrome: visitor?.chrome, status: status.code, title: status.reasonPhrase, detail: detail), status: status
        )
    }
}

/// A signed-in browser: its account as the store has it now (role changes apply at once) and its session.
struct Visitor: Sendable {
    var account: Account
    var session: BrowserSessions.Session

    var chrome: Chrome { Chrome(account: account, csrf: session.csrfToken) }
}

/// What the error page shows.
struct ErrorPage {
    var chrome: Chrome?
    var status: Int
    var title: String
    var detail: String
}
