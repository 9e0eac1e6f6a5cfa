import Foundation
import Hummingbird
import NIOPosix
import TicketStore

/// Signing in and out. `POST /login` checks the password with bcrypt against the account store
/// (a disabled account is refused like a wrong password, saying neither), counts failures in the
/// ``LoginThrottle`` and, on success, opens a session whose id goes in an `HttpOnly`,
/// `SameSite=Strict` cookie (and `Secure` when configured): scripts cannot read it and other
/// sites' requests do not carry it.
extension DashboardRoutes {
    func addLoginRoutes(_ router: Router<APIContext>) {
        router.get("/login") { request, _ in
            let next = Self.safeNext(Query(request).string("next"))
            if try await visitor(of: request) != nil { return Self.redirect(next) }
            return try DashboardTemplates.response("login", LoginPage(next: next))
        }
        router.post("/login") { request, context in try await logIn(request, context) }
        form(router, "/logout", role: .viewer) { _, visitor, _ in
            try await sessions.close(id: visitor.session.id)
            var response = Self.redirect("/login")
            response.setCookie(cookie(value: "", maxAge: 0))
            return response
        }
    }

    private func logIn(_ request: Request, _ context: APIContext) async throws -> Response {
        let fields = try await FormBody.fields(of: request)
        let username = fields["username"] ?? "", password = fields["password"] ?? ""
        let next = Self.safeNext(fields["next"])
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await throttle.retryAfter(username: username, address: address) {
            let page = LoginPage(next: next, username: username, error: "Too many failed attempts; try again in \(wait / 60 + 1) minutes.")
            return try DashboardTemplates.response("login", page, status: .tooManyRequests, headers: [.retryAfter: "\(wait)"])
        }
        guard let account = try await api.store.account(named: username), try await Self.verify(password, of: account) else {
            await throttle.recordFailure(username: username, address: address)
            let page = LoginPage(next: next, username: username, error: "Wrong username or password, or the account is disabled.")
            return try DashboardTemplates.response("login", page, status: .unauthorized)
        }
        await throttle.recordSuccess(username: username)
        let session = try await sessions.open(for: account.name)
        var response = Self.redirect(next)
        response.setCookie(cookie(value: session.id, maxAge: Int(BrowserSessions.idleLimit)))
        return response
    }

    /// bcrypt takes a quarter of a second at production cost: it runs on NIO's blocking pool, not
    /// on a thread the server's tasks share.
    private static func verify(_ password: String, of account: Account) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { AccountDesk.verify(password, of: account) }
    }

    /// The session cookie; the server's session, not the cookie's age, decides when it ends. It
    /// carries `Secure` when the configuration in force says so (`dashboard.secureCookies`, by
    /// default on when `notify.link` is an `https://` URL): the server speaks plain HTTP behind a
    /// TLS proxy and cannot tell by itself whether browsers reach it over HTTPS.
    func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: api.configuration.settings.secureCookies,
            httpOnly: true, sameSite: .strict
        )
    }

    /// Where to go after login: a path of this site only (`/sites?page=2`), never `//other.example`
    /// or a full URL, so the login form cannot be used to send someone elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}

/// What the login page shows.
struct LoginPage {
    var next: String
    var username = ""
    var error: String?
}
