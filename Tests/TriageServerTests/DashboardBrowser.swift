import CurlEngine
import Foundation
import Testing
import TicketStore

/// A browser for the dashboard's tests: it keeps the session cookie the server sets, posts forms
/// URL-encoded, and never follows redirects (tests read where they point).
final class DashboardBrowser: @unchecked Sendable {
    let api: APIHarness
    let base: String
    /// The `triage_session` cookie's value, once logged in.
    var session: String?

    init(_ api: APIHarness, base: String) {
        self.api = api
        self.base = base
    }

    /// Logs in as the harness's account of `role` and expects the redirect that opens a session.
    @discardableResult
    static func loggedIn(_ api: APIHarness, base: String, as role: AccountRole) async throws -> DashboardBrowser {
        let browser = DashboardBrowser(api, base: base)
        let answer = try await browser.logIn("\(role.rawValue)-user", password: "correct horse \(role)")
        #expect(answer.status == 303, "login as \(role): \(answer.text)")
        #expect(browser.session != nil, "login as \(role) set the cookie")
        return browser
    }

    func logIn(_ username: String, password: String, next: String? = nil) async throws -> APIHarness.Answer {
        var fields = ["username": username, "password": password]
        if let next { fields["next"] = next }
        return try await post("/login", fields)
    }

    func get(_ path: String) async throws -> APIHarness.Answer {
        try await send("GET", path, body: nil)
    }

    /// Posts `fields` as an HTML form does.
    func post(_ path: String, _ fields: [String: String]) async throws -> APIHarness.Answer {
        let body = fields.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send("POST", path, body: body)
    }

    func send(_ method: String, _ path: String, body: String?) async throws -> APIHarness.Answer {
        var request = CurlRequest(url: base + path, timeout: .seconds(20))
        request.method = method
        request.followRedirects = false
        if let body {
            request.body = Array(body.utf8)
            request.headers.append(CurlHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
        }
        if let session { request.headers.append(CurlHeader(name: "Cookie", value: "triage_session=\(session)")) }
        let response = try await api.engine.perform(request)
        if let error = response.error { throw error }
        let answer = APIHarness.Answer(status: response.statusCode, headers: response.headers, text: String(decoding: response.body, as: UTF8.self))
        if let cookie = answer.header("Set-Cookie"), cookie.hasPrefix("triage_session=") {
            let value = cookie.dropFirst("triage_session=".count).prefix { $0 != ";" }
            session = value.isEmpty ? nil : String(value)
        }
        return answer
    }

    /// The CSRF token of the first form of `page`.
    static func csrf(in page: APIHarness.Answer) throws -> String {
        let match = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/), "a form with a CSRF token")
        return String(match.1)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
