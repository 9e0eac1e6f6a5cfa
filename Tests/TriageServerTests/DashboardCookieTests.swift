import Foundation
import Testing
import TicketStore

/// The session cookie's `Secure` flag: set at login and logout when `dashboard.secureCookies`
/// says so, or by default when `notify.link` is an `https://` URL; absent otherwise.
@Suite("Dashboard cookie flags", .serialized)
struct DashboardCookieTests {
    /// The attributes of the cookies set at login and at logout, with `settings` as config/triage.yml.
    func cookies(settings: String?) async throws -> (login: [String], logout: [String]) {
        let api = try await APIHarness(settings: settings)
        var result: (login: [String], logout: [String]) = ([], [])
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            let login = try await browser.logIn("viewer-user", password: "correct horse viewer")
            #expect(login.status == 303)
            let csrf = try DashboardBrowser.csrf(in: try await browser.get("/"))
            let logout = try await browser.post("/logout", ["csrf": csrf])
            #expect(logout.header("Set-Cookie")?.contains("Max-Age=0") == true)
            result = (Self.attributes(login.header("Set-Cookie")), Self.attributes(logout.header("Set-Cookie")))
        }
        return result
    }

    static func attributes(_ cookie: String?) -> [String] {
        (cookie ?? "").split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func withoutAnHTTPSLinkTheCookieIsNotSecure() async throws {
        let plain = try await cookies(settings: nil)
        #expect(plain.login.contains("HttpOnly") && !plain.login.contains("Secure"), "\(plain.login)")
        #expect(!plain.logout.contains("Secure"), "\(plain.logout)")
        let http = try await cookies(settings: "notify: {link: http://triage.example.net}")
        #expect(!http.login.contains("Secure"), "\(http.login)")
    }

    @Test func anHTTPSLinkMakesTheCookieSecure() async throws {
        let https = try await cookies(settings: "notify: {link: https://triage.example.net}")
        #expect(https.login.contains("Secure") && https.login.contains("SameSite=Strict"), "\(https.login)")
        #expect(https.logout.contains("Secure"), "\(https.logout)")
    }

    @Test func theKeyOverridesTheLink() async throws {
        let off = try await cookies(settings: "notify: {link: https://triage.example.net}\ndashboard: {secureCookies: false}")
        #expect(!off.login.contains("Secure") && !off.logout.contains("Secure"), "\(off.login) \(off.logout)")
        let on = try await cookies(settings: "dashboard: {secureCookies: true}")
        #expect(on.login.contains("Secure") && on.logout.contains("Secure"), "\(on.login) \(on.logout)")
    }
}
