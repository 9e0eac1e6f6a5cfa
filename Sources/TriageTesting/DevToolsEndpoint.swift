import CurlEngine
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A browser's DevTools endpoint on 127.0.0.1: its HTTP list of targets (`GET /json`) and the
/// WebSocket of one target, which is upgraded from HTTP by NIO's own client upgrader (swift-nio
/// is already in the build through Hummingbird, so the driver adds no package).
struct DevToolsEndpoint: Sendable {
    let port: Int

    /// The WebSocket path (`/devtools/page/ID`) of the browser's first page, polled until the
    /// browser lists one: it opens its `about:blank` page shortly after it starts listening.
    func pagePath(within timeout: Duration) async throws(BrowserError) -> String {
        let engine: CurlEngine
        do {
            engine = try CurlEngine(logger: Logger(label: "triage.testing.browser", factory: { _ in SwiftLogNoOpLogHandler() }))
        } catch {
            throw BrowserError(.devTools("no HTTP client: \(error)"))
        }
        defer { engine.shutdown() }
        let deadline = ContinuousClock.now + timeout
        var last = "no answer yet"
        while ContinuousClock.now < deadline {
            let response: CurlResponse
            do {
                response = try await engine.perform(CurlRequest(url: "http://127.0.0.1:\(port)/json", timeout: .seconds(5)))
            } catch {
                throw BrowserError(.devTools("GET /json: \(error)"))
            }
            if let error = response.error {
                last = "\(error)"
            } else if let targets = try? JSONDecoder().decode([Target].self, from: Data(response.body)),
                let page = targets.first(where: { $0.type == "page" }), let url = URL(string: page.webSocketDebuggerUrl)
            {
                return url.path
            } else {
                last = "HTTP \(response.statusCode): \(String(decoding: response.body.prefix(500), as: UTF8.self))"
            }
            do { try await Task.sleep(for: .milliseconds(50)) } catch { break }
        }
        throw BrowserError(.devTools("GET http://127.0.0.1:\(port)/json listed no page within \(timeout): \(last)"))
    }

    /// Opens the WebSocket at `path`. Frames of up to 64 MB are accepted (a screenshot comes back
    /// as one base64 message) and fragmented messages are reassembled; a connection that is not
    /// upgraded within `timeout` is closed.
    func connect(path: String, timeout: Duration) async throws(BrowserError) -> NIOAsyncChannel<WebSocketFrame, WebSocketFrame> {
        let port = port
        do {
            let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(timeout))
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try Self.configure(channel, port: port, path: path, timeout: timeout)
                    }
                }
            switch try await upgrade.get() {
            case .upgraded(let socket): return socket
            case .refused: throw BrowserError(.devTools("ws://127.0.0.1:\(port)\(path) refused the WebSocket upgrade"))
            }
        } catch let error as BrowserError {
            throw error
        } catch {
            throw BrowserError(.devTools("ws://127.0.0.1:\(port)\(path) could not be opened within \(timeout): \(error)"))
        }
    }

    private enum Upgrade: Sendable {
        case upgraded(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    private static func configure(_ channel: Channel, port: Int, path: String, timeout: Duration) throws -> EventLoopFuture<Upgrade> {
        let limit = 64 << 20
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) { channel.close(promise: nil) }
        let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: limit) { channel, _ in
            channel.eventLoop.makeCompletedFuture {
                deadline.cancel()
                let aggregator = NIOWebSocketFrameAggregator(
                    minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 1 << 16, maxAccumulatedFrameSize: limit
                )
                try channel.pipeline.syncOperations.addHandler(aggregator)
                return .upgraded(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
            }
        }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "127.0.0.1:\(port)")
        let configuration = NIOTypedHTTPClientUpgradeConfiguration(
            upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers),
            upgraders: [upgrader],
            notUpgradingCompletionHandler: { channel in
                channel.eventLoop.makeCompletedFuture {
                    deadline.cancel()
                    return .refused
                }
            }
        )
        return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
            configuration: .init(upgradeConfiguration: configuration)
        )
    }

    private struct Target: Decodable {
        var type: String
        var webSocketDebuggerUrl: String
    }
}
