import Foundation
import NIOCore
import NIOWebSocket

/// JSON-RPC over one DevTools WebSocket: numbered calls answered by id, and events (`Page.loadEventFired`)
/// a caller registers for *before* the call that causes them, so a fast page cannot fire its event
/// before anyone listens. Every wait is bounded: a timer on the event loop fails the call's promise.
///
/// A reader task owns the socket (`executeThenClose`) and hands its writer back once the socket is
/// open; when the socket ends (``close()``, or the browser exits) every call still waiting fails
/// with ``BrowserError/Reason/disconnected`` at once rather than at its timeout.
actor DevToolsConnection {
    private let socket: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>
    private let eventLoop: EventLoop
    private let opened: EventLoopPromise<NIOAsyncChannelOutboundWriter<WebSocketFrame>>
    private var writer: NIOAsyncChannelOutboundWriter<WebSocketFrame>?
    private var nextID = 0
    private var calls: [Int: (method: String, promise: EventLoopPromise<JSONValue>)] = [:]
    private var waiters: [Int: (method: String, promise: EventLoopPromise<JSONValue>)] = [:]
    private var ended = false

    /// Takes over an upgraded WebSocket and starts reading it.
    init(socket: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>) async {
        self.socket = socket
        eventLoop = socket.channel.eventLoop
        opened = eventLoop.makePromise()
        let opened = opened
        Task { [socket] in
            try? await socket.executeThenClose { inbound, outbound in
                opened.succeed(outbound)
                for try await frame in inbound {
                    if frame.opcode == .connectionClose { break }
                    if frame.opcode == .text { self.receive(frame.data) }
                }
            }
            opened.fail(BrowserError(.disconnected))  // no-op once it succeeded
            self.end()
        }
        writer = try? await opened.futureResult.get()
    }

    /// Sends `method` with `params` and returns the call's `result` object.
    func call(_ method: String, _ params: JSONValue = [:], timeout: Duration) async throws(BrowserError) -> JSONValue {
        guard let writer, !ended else { throw BrowserError(.disconnected) }
        nextID += 1
        let id = nextID
        let promise = eventLoop.makePromise(of: JSONValue.self)
        calls[id] = (method, promise)
        let timer = eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(BrowserError(.timeout(what: method, after: timeout)))
        }
        defer {
            timer.cancel()
            calls[id] = nil
        }
        do {
            let message = try JSONEncoder().encode(Request(id: id, method: method, params: params))
            var frame = WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: message))
            frame.maskKey = .random()  // a client's frames must be masked (RFC 6455 5.3)
            try await writer.write(frame)
        } catch {
            promise.fail(BrowserError(.disconnected))
        }
        return try await Self.outcome(of: promise.futureResult)
    }

    /// Starts listening for the next event named `method`, before the call that causes it; the
    /// returned future fails after `timeout` or when the connection ends.
    func expectEvent(_ method: String, timeout: Duration) -> EventLoopFuture<JSONValue> {
        nextID += 1
        let id = nextID
        let promise = eventLoop.makePromise(of: JSONValue.self)
        guard !ended else {
            promise.fail(BrowserError(.disconnected))
            return promise.futureResult
        }
        waiters[id] = (method, promise)
        let timer = eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(BrowserError(.timeout(what: "the event \(method)", after: timeout)))
        }
        promise.futureResult.whenComplete { _ in
            timer.cancel()
            Task { await self.dropWaiter(id) }
        }
        return promise.futureResult
    }

    /// The value of a future from ``expectEvent(_:timeout:)`` or a call, with its error typed.
    static func outcome(of future: EventLoopFuture<JSONValue>) async throws(BrowserError) -> JSONValue {
        do {
            return try await future.get()
        } catch let error as BrowserError {
            throw error
        } catch {
            throw BrowserError(.devTools("\(error)"))
        }
    }

    /// Closes the socket; waiting calls fail with ``BrowserError/Reason/disconnected``.
    func close() async {
        try? await socket.channel.close()
        end()
    }

    private func receive(_ data: ByteBuffer) {
        guard let message = try? JSONDecoder().decode(Incoming.self, from: Data(data.readableBytesView)) else { return }
        if let id = message.id, let call = calls[id] {
            calls[id] = nil
            if let error = message.error {
                call.promise.fail(BrowserError(.protocolError(method: call.method, code: error.code, message: error.message)))
            } else {
                call.promise.succeed(message.result ?? [:])
            }
        } else if let method = message.method {
            for (id, waiter) in waiters where waiter.method == method {
                waiters[id] = nil
                waiter.promise.succeed(message.params ?? [:])
            }
        }
    }

    private func dropWaiter(_ id: Int) {
        waiters[id] = nil
    }

    private func end() {
        ended = true
        writer = nil
        for call in calls.values { call.promise.fail(BrowserError(.disconnected)) }
        for waiter in waiters.values { waiter.promise.fail(BrowserError(.disconnected)) }
        calls = [:]
        waiters = [:]
    }

    private struct Request: Encodable {
        var id: Int
        var method: String
        var params: JSONValue
    }

    private struct Incoming: Decodable {
        var id: Int?
        var method: String?
        var params: JSONValue?
        var result: JSONValue?
        var error: RemoteError?
    }

    private struct RemoteError: Decodable {
        var code: Int
        var message: String
    }
}
