/// Why a ``BrowserSession`` call failed, with the end of the browser's own log: a failing
/// end-to-end test then shows what Chromium said (a crash, a refused connection) beside what the
/// test was doing, without rerunning it by hand.
public struct BrowserError: Error, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The browser could not be started, or exited before it opened its DevTools port.
        case launch(String)
        /// The DevTools endpoint (its `/json` list or its WebSocket) could not be used.
        case devTools(String)
        /// A call got no answer within its timeout (`what` names the call).
        case timeout(what: String, after: Duration)
        /// The browser answered a protocol call with an error.
        case protocolError(method: String, code: Int, message: String)
        /// The page could not be loaded, such as `net::ERR_CONNECTION_REFUSED`.
        case navigation(url: String, error: String)
        /// The page's script threw, or returned something that could not be passed back by value.
        case javaScript(expression: String, message: String)
        /// No element matches the selector on the current page.
        case noElement(selector: String)
        /// The screenshot could not be decoded or written.
        case screenshot(path: String, message: String)
        /// The connection to the browser ended: it was closed, crashed or was killed.
        case disconnected
    }

    public var reason: Reason
    /// The last lines of the browser's stderr when the error was raised (empty before it ran).
    public var log: String

    public init(_ reason: Reason, log: String = "") {
        self.reason = reason
        self.log = log
    }

    public var description: String {
        let what: String
        switch reason {
        case .launch(let message): what = "the browser did not start: \(message)"
        case .devTools(let message): what = "the DevTools endpoint failed: \(message)"
        case .timeout(let call, let after): what = "\(call) got no answer within \(after)"
        case .protocolError(let method, let code, let message): what = "\(method) failed with \(code): \(message)"
        case .navigation(let url, let error): what = "\(url) did not load: \(error)"
        case .javaScript(let expression, let message): what = "the script \(expression.prefix(200)) threw: \(message)"
        case .noElement(let selector): what = "no element matches \(selector)"
        case .screenshot(let path, let message): what = "the screenshot \(path) failed: \(message)"
        case .disconnected: what = "the connection to the browser ended"
        }
        return log.isEmpty ? what : "\(what); the browser's log ends:\n\(log)"
    }
}
