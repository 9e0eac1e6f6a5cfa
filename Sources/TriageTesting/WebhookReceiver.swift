import CurlEngine
import Foundation

/// The test suite's webhook receiver (`scripts/servers/receiver/receiver.py`): a real HTTP server
/// that records what channels send, one hook name per test so parallel tests never mix.
///
/// ```swift
/// let receiver = try WebhookReceiver(hook: "opened-\(UUID())", engine: engine)
/// // configure a channel with receiver.url, raise an incident, then:
/// let requests = try await receiver.waitForRequests(count: 1)
/// ```
public struct WebhookReceiver: Sendable {
    public let hook: String
    let base: String
    let engine: CurlEngine

    public init(hook: String, engine: CurlEngine) throws {
        base = try TestServers.require(TestServers.receiver, "TRIAGE_TEST_RECEIVER")
        self.hook = hook
        self.engine = engine
    }

    /// Where channels send: `http://127.0.0.1:PORT/hooks/HOOK`.
    public var url: String { "\(base)/hooks/\(hook)" }

    /// Everything received so far, oldest first.
    public func requests() async throws -> [ReceivedRequest] {
        var request = CurlRequest(url: "\(base)/requests/\(hook)", timeout: .seconds(10))
        request.maxBodyBytes = 256 << 20
        let response = try await engine.perform(request)
        if let error = response.error { throw error }
        return try JSONDecoder().decode([ReceivedRequest].self, from: Data(response.body))
    }

    /// Polls until `count` requests arrived (or more), or fails after `timeout`.
    public func waitForRequests(count: Int, timeout: Duration = .seconds(10)) async throws -> [ReceivedRequest] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = try await requests()
            if received.count >= count { return received }
            guard ContinuousClock.now < deadline else {
                throw ReceiverTimeout(hook: hook, expected: count, received: received.count)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Makes the hook answer 503 (`down: true`) or 200 from now on.
    public func setDown(_ down: Bool) async throws {
        var request = CurlRequest(url: "\(base)/control/\(hook)/\(down ? "down" : "up")", timeout: .seconds(5))
        request.method = "POST"
        request.body = []
        let response = try await engine.perform(request)
        if let error = response.error { throw error }
    }
}

/// One request the receiver recorded.
public struct ReceivedRequest: Decodable, Sendable {
    /// When it arrived, in seconds since 1970 (the receiver's clock: the same machine).
    public var at: Double
    public var path: String
    /// Header names in lowercase.
    public var headers: [String: String]
    public var body: String
    /// The status the receiver answered: 200, or 503 while the hook was down.
    public var answered: Int

    /// The body parsed as a JSON object or array.
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(body.utf8))
    }
}

/// The receiver did not get the requests a test waited for.
public struct ReceiverTimeout: Error, CustomStringConvertible {
    public var hook: String
    public var expected: Int
    public var received: Int

    public var description: String { "hook \(hook): expected \(expected) requests, received \(received) in time" }
}
