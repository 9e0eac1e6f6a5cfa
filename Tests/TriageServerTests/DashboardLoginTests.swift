import Foundation
import Testing
import TicketStore

/// Browser login: the session cookie's attributes, refusals, the rate limit, idle expiry on the
/// injected clock, logout, and that a session cookie opens no API route (the API takes tokens only).
@Suite("Dashboard login", .serialized)
struct DashboardLoginTests {
    @Test func loginSetsAnHttpOnlySameSiteCookieAndOpensThePage() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            #expect(try await browser.get("/login").text.contains("name=\"password\""))
            let answer = try await browser.logIn("ops-user", password: "correct horse ops", next: "/sites?page=1")
            #expect(answer.status == 303)
            #expect(answer.header("Location") == "/sites?page=1", "back to the page asked for")
            let cookie = try #require(answer.header("Set-Cookie"))
            #expect(cookie.hasPrefix("triage_session=triage_"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            let queue = try await browser.get("/")
            #expect(queue.status == 200)
            #expect(queue.header("Content-Type") == "text/html; charset=utf-8")
            #expect(queue.text.contains("Work queue") && queue.text.contains("ops-user (ops)"))
            #expect(queue.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
        }
    }

    @Test func loginOnlyReturnsToPagesOfThisSite() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let answer = try await DashboardBrowser(api, base: base).logIn("viewer-user", password: "correct horse viewer", next: next)
                #expect(answer.header("Location") == "/", "next=\(next)")
            }
        }
    }

    @Test func aWrongPasswordAndADisabledAccountAreRefused() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            let wrong = try await browser.logIn("ops-user", password: "wrong horse ops")
            #expect(wrong.status == 401)
            #expect(wrong.header("Set-Cookie") == nil && browser.session == nil)
            #expect(wrong.text.contains("Wrong username or password"))
            let unknown = try await browser.logIn("nobody", password: "correct horse ops")
            #expect(unknown.status == 401)
            _ = try await api.store.disableAccount(named: "manager-user", at: api.clock.now)
            let disabled = try await browser.logIn("manager-user", password: "correct horse manager")
            #expect(disabled.status == 401, "a disabled account cannot log in with its right password")
            #expect(browser.session == nil)
        }
    }

    @Test func aDisabledAccountsSessionEndsAtOnce() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            #expect(try await browser.get("/").status == 200)
            _ = try await api.store.disableAccount(named: "ops-user", at: api.clock.now)
            #expect(try await browser.get("/").header("Location") == "/login?next=%2F")
        }
    }

    @Test func fiveFailuresForANameAnswer429UntilTheWindowPasses() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            for attempt in 1...5 {
                #expect(try await browser.logIn("ops-user", password: "guess \(attempt)").status == 401, "attempt \(attempt)")
            }
            let limited = try await browser.logIn("ops-user", password: "correct horse ops")
            #expect(limited.status == 429, "even the right password waits")
            let retryAfter = try #require(limited.header("Retry-After").flatMap { Int($0) })
            #expect((1...900).contains(retryAfter))
            #expect(browser.session == nil)
            api.clock.advance(by: .seconds(retryAfter))
            #expect(try await browser.logIn("ops-user", password: "correct horse ops").status == 303, "allowed once the window passed")
        }
    }

    @Test func fiveFailuresFromOneAddressLimitEveryName() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            for attempt in 1...5 {
                let answer = try await browser.logIn("guess\(attempt)", password: "whatever it is")
                #expect(answer.status == 401)
            }
            let limited = try await browser.logIn("viewer-user", password: "correct horse viewer")
            #expect(limited.status == 429, "the address is limited")
            api.clock.advance(by: .seconds(15 * 60))
            let allowed = try await browser.logIn("viewer-user", password: "correct horse viewer")
            #expect(allowed.status == 303)
        }
    }

    @Test func aSessionExpiresAfterTwelveIdleHours() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            api.clock.advance(by: .seconds(11 * 3600))
            #expect(try await browser.get("/sites").status == 200, "used within 12 hours")
            api.clock.advance(by: .seconds(11 * 3600))
            #expect(try await browser.get("/sites").status == 200, "idle time restarts at each request")
            api.clock.advance(by: .seconds(12 * 3600))
            let expired = try await browser.get("/sites?status=down")
            #expect(expired.status == 303)
            #expect(expired.header("Location") == "/login?next=%2Fsites%3Fstatus%3Ddown")
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            let session = browser.session
            let csrf = try DashboardBrowser.csrf(in: try await browser.get("/"))
            let answer = try await browser.post("/logout", ["csrf": csrf])
            #expect(answer.status == 303 && answer.header("Location") == "/login")
            #expect(answer.header("Set-Cookie")?.contains("Max-Age=0") == true)
            browser.session = session
            #expect(try await browser.get("/").status == 303, "the old cookie opens nothing")
        }
    }

    @Test func aSessionCookieOpensNoAPIRoute() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .admin)
            #expect(try await browser.get("/api/v1/queue").status == 401, "the API takes bearer tokens only: no CSRF on it")
        }
    }

    @Test func anOversizedLoginBodyIsRefused() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = DashboardBrowser(api, base: base)
            let answer = try await browser.post("/login", ["username": "ops-user", "password": String(repeating: "x", count: 100_000)])
            #expect(answer.status == 413)
        }
    }
}
