import Foundation

/// What a person does on a page: wait for something to show, fill a field, click. Each goes
/// through `evaluate`, with the selector passed as a JSON string literal so any CSS selector
/// (quotes included) reaches `document.querySelector` intact.
extension BrowserSession {
    /// Polls `predicate`, a script expression, every `interval` until it evaluates to `true`:
    /// for what a page does on its own (a countdown ticking, a page loaded after a form was
    /// submitted). A script that throws meanwhile (the page is between two documents) counts as
    /// not yet; after `timeout`, fails with the last value or error seen.
    public func waitFor(
        _ predicate: String, timeout: Duration? = nil, interval: Duration = .milliseconds(100)
    ) async throws(BrowserError) {
        let timeout = timeout ?? self.timeout
        let deadline = ContinuousClock.now + timeout
        var last = "nothing evaluated"
        while ContinuousClock.now < deadline {
            do throws(BrowserError) {
                let value = try await evaluate(predicate, timeout: min(deadline - ContinuousClock.now, .seconds(5)))
                if value == .bool(true) { return }
                last = "it was \(value)"
            } catch {
                guard case .javaScript(_, let message) = error.reason else { throw error }
                last = "it threw \(message)"
            }
            do { try await Task.sleep(for: interval) } catch { break }
        }
        throw failure(.timeout(what: "waitFor \(predicate) (\(last))", after: timeout))
    }

    /// Clicks the first element matching `selector`, as `element.click()` does (a link is
    /// followed, a submit button submits its form). Does not wait for what the click loads.
    public func click(_ selector: String, timeout: Duration? = nil) async throws(BrowserError) {
        try await onElement(selector, "element.click()", timeout: timeout)
    }

    /// Clicks `selector` and returns once the page it loads fired its `load` event: the next
    /// page after a form's submit button or a link.
    public func clickAndWaitForLoad(_ selector: String, timeout: Duration? = nil) async throws(BrowserError) {
        let loaded = await connection.expectEvent("Page.loadEventFired", timeout: timeout ?? self.timeout)
        try await click(selector, timeout: timeout)
        try await wait(for: loaded)
    }

    /// Sets the value of the field matching `selector` and fires its `input` and `change` events,
    /// as typing into it would for the page's scripts.
    public func fill(_ selector: String, with value: String, timeout: Duration? = nil) async throws(BrowserError) {
        let script = """
            element.value = \(Self.literal(value));
            element.dispatchEvent(new Event('input', {bubbles: true}));
            element.dispatchEvent(new Event('change', {bubbles: true}))
            """
        try await onElement(selector, script, timeout: timeout)
    }

    /// Runs `statements` with `element` bound to the first match of `selector`, or fails with
    /// ``BrowserError/Reason/noElement(selector:)``.
    private func onElement(_ selector: String, _ statements: String, timeout: Duration?) async throws(BrowserError) {
        let script = """
            (() => {
                const element = document.querySelector(\(Self.literal(selector)));
                if (!element) return false;
                \(statements);
                return true;
            })()
            """
        guard try await evaluate(script, timeout: timeout) == .bool(true) else {
            throw failure(.noElement(selector: selector))
        }
    }

    /// `text` as a JavaScript string literal (JSON's string syntax is valid JavaScript).
    private static func literal(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
