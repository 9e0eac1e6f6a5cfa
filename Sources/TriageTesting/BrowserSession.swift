import Foundation
import NIOCore

/// A real headless Chromium driven over the DevTools protocol, for end-to-end tests of web pages:
/// open a URL and wait for it to load, run script in the page, fill and click, take screenshots.
/// It is one real browser with one profile, so cookies work as for a person: a session cookie set
/// by a login form is sent on the next navigation.
///
/// Every call has a timeout and fails with a ``BrowserError`` that carries the end of the
/// browser's log. ``close()`` stops the browser's whole process group and removes its profile;
/// a session dropped without it (a test that threw) is stopped by its process's `deinit`.
///
/// ```swift
/// try await BrowserSession.withSession { browser in
///     try await browser.navigate(to: URL(string: "\(server)/login")!)
///     try await browser.fill("#user", with: "ana")
///     try await browser.clickAndWaitForLoad("button[type=submit]")
///     #expect(try await browser.evaluate("document.querySelector('#taken-by').textContent") == "ana")
///     try await browser.screenshot(to: try TestArtefacts.folder("dashboard").appendingPathComponent("ticket.png"))
/// }
/// ```
public final class BrowserSession: Sendable {
    /// The browser's pid, also its process group's id: gone once ``close()`` returns.
    public let pid: pid_t
    /// The timeout of a call that names none.
    public let timeout: Duration
    let process: BrowserProcess
    let connection: DevToolsConnection

    /// Starts the test Chromium (`TRIAGE_TEST_CHROMIUM`, or `binary`) on `about:blank` with a new
    /// profile, and connects to its page. Fails after `timeout` rather than hang on a browser that
    /// does not come up; the browser is stopped before the error is thrown.
    public static func start(binary: String? = nil, timeout: Duration = .seconds(30)) async throws(BrowserError) -> BrowserSession {
        guard let binary = binary ?? TestServers.chromium else {
            throw BrowserError(.launch(MissingTestServer(variable: "TRIAGE_TEST_CHROMIUM").description))
        }
        let arguments = [
            "--no-sandbox", "--disable-gpu", "--headless", "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank",
        ]
        let process = try BrowserProcess(binary: binary, arguments: arguments)
        var connection: DevToolsConnection?
        do throws(BrowserError) {
            let deadline = ContinuousClock.now + timeout
            let endpoint = DevToolsEndpoint(port: try await process.devToolsPort(within: timeout))
            let path = try await endpoint.pagePath(within: deadline - ContinuousClock.now)
            let socket = try await endpoint.connect(path: path, timeout: deadline - ContinuousClock.now)
            let opened = await DevToolsConnection(socket: socket)
            connection = opened
            let session = BrowserSession(process: process, connection: opened, timeout: timeout)
            _ = try await session.send("Page.enable", [:], timeout: deadline - ContinuousClock.now)
            return session
        } catch {
            var failure = error
            failure.log = process.logTail()
            await connection?.close()
            await process.terminate()
            throw failure
        }
    }

    /// Starts a session, runs `body` with it and closes it, whether `body` returned or threw.
    public static func withSession<T>(
        timeout: Duration = .seconds(30), _ body: (BrowserSession) async throws -> T
    ) async throws -> T {
        let session = try await start(timeout: timeout)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// The browser's profile folder (cookies, cache): removed by ``close()``.
    public var profile: URL { process.folder.appendingPathComponent("profile") }

    private init(process: BrowserProcess, connection: DevToolsConnection, timeout: Duration) {
        self.process = process
        self.connection = connection
        self.timeout = timeout
        pid = process.pid
    }

    /// Opens `url` and returns once its `load` event fired (the document and its resources are in).
    /// A page that cannot be fetched (a refused connection, an unknown host) fails at once with
    /// ``BrowserError/Reason/navigation(url:error:)`` and the browser's reason, such as
    /// `net::ERR_CONNECTION_REFUSED`.
    public func navigate(to url: URL, timeout: Duration? = nil) async throws(BrowserError) {
        let timeout = timeout ?? self.timeout
        let loaded = await connection.expectEvent("Page.loadEventFired", timeout: timeout)
        let answer = try await send("Page.navigate", ["url": .string(url.absoluteString)], timeout: timeout)
        if let error = answer["errorText"]?.string, !error.isEmpty {
            throw failure(.navigation(url: url.absoluteString, error: error))
        }
        try await wait(for: loaded)
    }

    /// Evaluates `expression` in the page and returns its value as JSON; a promise is awaited.
    /// A script that throws fails with ``BrowserError/Reason/javaScript(expression:message:)``;
    /// `undefined` comes back as `.null`.
    @discardableResult
    public func evaluate(_ expression: String, timeout: Duration? = nil) async throws(BrowserError) -> JSONValue {
        let parameters: JSONValue = ["expression": .string(expression), "returnByValue": true, "awaitPromise": true]
        let answer = try await send("Runtime.evaluate", parameters, timeout: timeout ?? self.timeout)
        if let details = answer["exceptionDetails"] {
            let message = details["exception"]?["description"]?.string ?? details["text"]?.string ?? "an exception"
            throw failure(.javaScript(expression: expression, message: message))
        }
        return answer["result"]?["value"] ?? .null
    }

    /// Writes a PNG of the viewport to `file` (``setViewport(width:height:)`` sets its size;
    /// 800 × 600 otherwise).
    public func screenshot(to file: URL, timeout: Duration? = nil) async throws(BrowserError) {
        let answer = try await send("Page.captureScreenshot", ["format": "png"], timeout: timeout ?? self.timeout)
        guard let encoded = answer["data"]?.string, let png = Data(base64Encoded: encoded) else {
            throw failure(.screenshot(path: file.path, message: "the browser sent no base64 PNG"))
        }
        do {
            try png.write(to: file, options: .atomic)
        } catch {
            throw failure(.screenshot(path: file.path, message: "\(error)"))
        }
    }

    /// Makes the page lay out as in a window of `width` × `height` CSS pixels, such as a phone's
    /// 375 × 812, for the screenshots and the page's media queries.
    public func setViewport(width: Int, height: Int) async throws(BrowserError) {
        let metrics: JSONValue = ["width": .number(Double(width)), "height": .number(Double(height)), "deviceScaleFactor": 1, "mobile": false]
        _ = try await send("Emulation.setDeviceMetricsOverride", metrics, timeout: timeout)
    }

    /// Closes the connection, stops the browser's process group and removes its profile. Safe to
    /// call more than once.
    public func close() async {
        await connection.close()
        await process.terminate()
    }

    /// One protocol call, its errors carrying the browser's log.
    func send(_ method: String, _ parameters: JSONValue, timeout: Duration) async throws(BrowserError) -> JSONValue {
        do throws(BrowserError) {
            return try await connection.call(method, parameters, timeout: timeout)
        } catch {
            throw failure(error.reason)
        }
    }

    /// Waits for an event registered with ``DevToolsConnection/expectEvent(_:timeout:)``.
    func wait(for event: EventLoopFuture<JSONValue>) async throws(BrowserError) {
        do throws(BrowserError) {
            _ = try await DevToolsConnection.outcome(of: event)
        } catch {
            throw failure(error.reason)
        }
    }

    /// An error for `reason` with the browser's log as it is now.
    func failure(_ reason: BrowserError.Reason) -> BrowserError {
        BrowserError(reason, log: process.logTail())
    }
}
