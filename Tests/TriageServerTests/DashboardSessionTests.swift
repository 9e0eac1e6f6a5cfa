import Foundation
import Testing
import TicketStore
import TriageServer

/// Browser sessions kept in the store: a restart (a second server over the same store) keeps the
/// browser signed in, expiry is still measured on the test clock, logout and a disabled account
/// remove sessions from the store, and a page view writes the last-seen instant at most once a minute.
@Suite("Dashboard sessions in the store", .serialized)
struct DashboardSessionTests {
    /// The stored session of `browser`'s cookie.
    func stored(_ api: APIHarness, _ browser: DashboardBrowser) async throws -> BrowserSessionRecord? {
        let id = try #require(browser.session)
        return try await api.store.session(digest: APIToken(value: id).digest, idleLimit: 12 * 3600, at: api.clock.now)
    }

    /// A browser on `base` holding `cookie`, as one that kept its cookie across the server's restart.
    func browser(_ api: APIHarness, base: String, cookie: String?) -> DashboardBrowser {
        let browser = DashboardBrowser(api, base: base)
        browser.session = cookie
        return browser
    }

    @Test func aSessionOutlivesARestartAndStillExpiresOnTheClock() async throws {
        let api = try await APIHarness()
        var cookie: String?
        try await api.whileServing { base in
            let first = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            cookie = first.session
            #expect(try await first.get("/").status == 200)
        }
        let digest = APIToken(value: try #require(cookie)).digest
        let record = try #require(try await api.store.session(digest: digest, idleLimit: 12 * 3600, at: api.clock.now))
        #expect(record.account == "ops-user" && record.digest != cookie, "the store keeps the digest, not the id")
        api.clock.advance(by: .seconds(11 * 3600))
        try await api.whileServing { base in
            let again = browser(api, base: base, cookie: cookie)
            let queue = try await again.get("/")
            #expect(queue.status == 200, "the second server honours the first one's session")
            #expect(queue.text.contains("ops-user (ops)"))
            #expect(try DashboardBrowser.csrf(in: queue) == record.csrfToken, "the same CSRF token after the restart")
        }
        api.clock.advance(by: .seconds(12 * 3600))
        try await api.whileServing { base in
            let expired = try await browser(api, base: base, cookie: cookie).get("/")
            #expect(expired.status == 303 && expired.header("Location") == "/login?next=%2F", "idle 12 hours: expired")
        }
    }

    @Test func logoutClosesTheSessionInTheStore() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            #expect(try await stored(api, browser) != nil)
            let csrf = try DashboardBrowser.csrf(in: try await browser.get("/"))
            let session = browser.session
            #expect(try await browser.post("/logout", ["csrf": csrf]).status == 303)
            browser.session = session
            #expect(try await stored(api, browser) == nil, "logout deleted the stored session")
        }
        try await api.whileServing { base in
            let after = try await browser(api, base: base, cookie: nil).logIn("viewer-user", password: "correct horse viewer")
            #expect(after.status == 303, "logging in again works after the restart")
        }
    }

    @Test func aPageViewWritesTheLastSeenInstantAtMostOnceAMinute() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let browser = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            let opened = try #require(try await stored(api, browser)).lastSeenAt
            api.clock.advance(by: .seconds(59))
            #expect(try await browser.get("/").status == 200)
            #expect(try await stored(api, browser)?.lastSeenAt == opened, "59 s later: not written")
            api.clock.advance(by: .seconds(1))
            #expect(try await browser.get("/").status == 200)
            #expect(try await stored(api, browser)?.lastSeenAt == api.clock.now, "60 s later: written")
        }
    }

    @Test func aDisabledAccountLosesEverySessionInTheStore() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let laptop = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            let phone = try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            let other = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            _ = try await api.store.disableAccount(named: "ops-user", at: api.clock.now)
            #expect(try await laptop.get("/").status == 303, "refused at once")
            #expect(try await stored(api, phone) == nil, "the account's other session ended too")
            #expect(try await stored(api, other) != nil, "another account's session is kept")
        }
    }

    @Test func loginPrunesIdleSessions() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            let idle = try await DashboardBrowser.loggedIn(api, base: base, as: .viewer)
            let cookie = try #require(idle.session)
            api.clock.advance(by: .seconds(12 * 3600))
            try await DashboardBrowser.loggedIn(api, base: base, as: .ops)
            let pruned = try await api.store.session(
                digest: APIToken(value: cookie).digest, idleLimit: 100 * 3600, at: api.clock.now
            )
            #expect(pruned == nil, "the idle session was deleted, not just ignored")
        }
    }
}
