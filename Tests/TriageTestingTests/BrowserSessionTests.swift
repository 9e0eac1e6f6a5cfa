import Foundation
import Testing
import TriageTesting

/// ``BrowserSession`` driving the real test Chromium against the real test nginx's
/// `/browser/form.html` (scripts/servers/web/browser/): the DOM read back, a script's ticking
/// counter, a form filled and submitted whose session cookie comes back on the next pages, a
/// painted screenshot, failures that come within their timeout, and no browser process left.
/// Serialized: each test runs a browser of its own, and the machine has two cores.
@Suite(.serialized)
struct BrowserSessionTests {
    let nginx: String

    init() throws {
        nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
    }

    func page(_ path: String) throws -> URL {
        try #require(URL(string: "\(nginx)\(path)"))
    }

    @Test func navigateWaitsForTheLoadAndEvaluateReadsTheDOM() async throws {
        let form = try page("/browser/form.html")
        try await BrowserSession.withSession { browser in
            try await browser.navigate(to: form)
            #expect(try await browser.evaluate("document.readyState") == "complete")
            #expect(try await browser.evaluate("location.href") == .string(form.absoluteString))
            #expect(try await browser.evaluate("document.title") == "Sign in")
            #expect(try await browser.evaluate("[...document.querySelectorAll('input')].map(i => i.name)") == ["user", "password"])
            #expect(try await browser.evaluate("Promise.resolve(6 * 7)") == 42, "a promise is awaited")
            #expect(try await browser.evaluate("undefined") == .null)
        }
    }

    @Test func aScriptThatTicksChangesTheValueOverTwoSeconds() async throws {
        let form = try page("/browser/form.html")
        try await BrowserSession.withSession { browser in
            try await browser.navigate(to: form)
            let ticks = "Number(document.querySelector('#ticks').textContent)"
            let first = try #require(try await browser.evaluate(ticks).number)
            let started = ContinuousClock.now
            try await browser.waitFor("\(ticks) >= \(Int(first) + 2)", timeout: .seconds(10))
            #expect(ContinuousClock.now - started > .milliseconds(900), "two ticks a second apart")
            #expect(try #require(try await browser.evaluate(ticks).number) >= first + 2)
        }
    }

    @Test func fillAndClickSubmitTheFormAndItsSessionCookieIsSentOnTheNextPages() async throws {
        let form = try page("/browser/form.html")
        let welcome = try page("/browser/welcome")
        try await BrowserSession.withSession { browser in
            try await browser.navigate(to: form)
            try await browser.fill("#user", with: "ana")
            try await browser.fill("input[name=\"password\"]", with: "s3cret")
            #expect(try await browser.evaluate("document.querySelector('#user').value") == "ana")
            try await browser.clickAndWaitForLoad("#submit")
            #expect(try await browser.evaluate("location.pathname") == "/browser/welcome", "the POST's redirect was followed")
            let session = "document.querySelector('#session').textContent"
            #expect(try await browser.evaluate(session) == "user=ana&password=s3cret", "nginx read the cookie the browser sent")
            #expect(try await browser.evaluate("document.cookie") == "", "the cookie is HttpOnly: only the server sees it")
            try await browser.navigate(to: welcome)
            #expect(try await browser.evaluate(session) == "user=ana&password=s3cret", "the profile kept it for the next navigation")
        }
    }

    @Test func aScreenshotIsAPaintedPNGOfTheViewport() async throws {
        let form = try page("/browser/form.html")
        let png = try TestArtefacts.folder("browser").appendingPathComponent("form-375x812.png")
        try? FileManager.default.removeItem(at: png)
        try await BrowserSession.withSession { browser in
            try await browser.setViewport(width: 375, height: 812)
            try await browser.navigate(to: form)
            try await browser.screenshot(to: png)
        }
        let ink = try await offPool { try ScreenshotInk(png, counting: ["#b00020"]) }
        #expect(ink.width == 375 && ink.height == 812)
        #expect(ink.background == "#ffffff")
        #expect(ink.ink > 0.01, "text and fields are painted: \(ink.ink)")
        #expect(ink.counts["#b00020", default: 0] > 50, "the red heading is on screen")
    }

    @Test func aNavigationToAPortNobodyListensOnFailsAtOnceWithTheBrowsersReason() async throws {
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let closed = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        try await BrowserSession.withSession { browser in
            let started = ContinuousClock.now
            let error = await #expect(throws: BrowserError.self) { try await browser.navigate(to: closed, timeout: .seconds(10)) }
            #expect(ContinuousClock.now - started < .seconds(10))
            guard case .navigation(let url, let reason) = error?.reason else {
                Issue.record("expected a navigation error, got \(String(describing: error))")
                return
            }
            #expect(url == closed.absoluteString && reason == "net::ERR_CONNECTION_REFUSED")
            #expect(error?.description.contains("the browser's log ends") == true, "\(String(describing: error))")
        }
    }

    @Test func aCallWithNoAnswerFailsAtItsTimeoutAndScriptErrorsAreNamed() async throws {
        try await BrowserSession.withSession { browser in
            let started = ContinuousClock.now
            let never = await #expect(throws: BrowserError.self) {
                try await browser.evaluate("new Promise(() => {})", timeout: .seconds(1))
            }
            #expect(never?.reason == .timeout(what: "Runtime.evaluate", after: .seconds(1)))
            #expect(ContinuousClock.now - started < .seconds(3))

            let thrown = await #expect(throws: BrowserError.self) { try await browser.evaluate("missingName.x") }
            guard case .javaScript(_, let message) = thrown?.reason else {
                Issue.record("expected a script error, got \(String(describing: thrown))")
                return
            }
            #expect(message.contains("ReferenceError: missingName is not defined"))
            let missing = await #expect(throws: BrowserError.self) { try await browser.click("#nowhere") }
            #expect(missing?.reason == .noElement(selector: "#nowhere"))
            let sum = try await browser.evaluate("1 + 1")
            #expect(sum == 2, "the session still works after its failures")
        }
    }

    @Test func closeStopsTheWholeProcessGroupAndRemovesTheProfile() async throws {
        let form = try page("/browser/form.html")
        let browser = try await BrowserSession.start()
        try await browser.navigate(to: form)
        #expect(ProcessGroup.members(browser.pid).count > 1, "the browser runs its renderer and helpers in its group")
        await browser.close()
        let gone = kill(browser.pid, 0) == -1 && errno == ESRCH
        #expect(gone, "the browser's pid is gone (exited and reaped)")
        // Zombies may stay: a helper orphaned while the browser shut down is reparented to this
        // machine's init (process_api), which never reaps; a zombie runs nothing and holds no port.
        let left = ProcessGroup.members(browser.pid)
        #expect(left.allSatisfy { $0.state == "Z" }, "no process of its group still runs: \(left)")
        #expect(!FileManager.default.fileExists(atPath: browser.profile.path))
        await browser.close()  // a second close does nothing
    }

    @Test func aSessionDroppedWithoutCloseStillStopsItsBrowser() async throws {
        var browser: BrowserSession? = try await BrowserSession.start()
        let pid = try #require(browser?.pid)
        let profile = try #require(browser?.profile)
        browser = nil
        let gone = try await pollAsync(seconds: 10) { kill(pid, 0) == -1 && errno == ESRCH }
        #expect(gone, "the dropped session's browser \(pid) was stopped and reaped")
        #expect(try await pollAsync(seconds: 5) { !FileManager.default.fileExists(atPath: profile.path) }, "its profile is removed")
        #expect(try await pollAsync(seconds: 5) { ProcessGroup.members(pid).allSatisfy { $0.state == "Z" } })
    }
}
