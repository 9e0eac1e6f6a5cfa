import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TriageCore

/// The HTTP receiver of other monitoring tools' alerts, run inside `triage run` when `inbound:`
/// is configured:
///
/// - `POST /inbound/alertmanager`: an Alertmanager webhook (version 4), with
///   `Authorization: Bearer <token>`;
/// - `POST /inbound/pagerduty`: a PagerDuty Events API v2 event whose `routing_key` is the token
///   (how tools that speak to PagerDuty authenticate), answered as PagerDuty answers (202 with the
///   `dedup_key`).
///
/// Bodies over 1 MiB are refused (413), a wrong or missing token is 401, a body that is not the
/// expected JSON is 400 with the decoder's words; nothing is written then.
public struct InboundServer: Service {
    static let maxBodyBytes = 1 << 20

    let receiver: InboundReceiver
    let settings: InboundSettings
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// - Parameter onListening: told the bound port once the server listens (port 0 binds any free one).
    public init(
        receiver: InboundReceiver, settings: InboundSettings, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.receiver = receiver
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let router = Router()
        router.post("inbound/alertmanager") { request, _ -> Response in
            guard Self.tokensMatch(request.headers[.authorization], "Bearer " + settings.token.value) else {
                return Self.problem(.unauthorized, "send Authorization: Bearer <the inbound token of config/triage.yml>")
            }
            return try await Self.answer {
                let tickets = try await receiver.receiveAlertmanager(try await Self.body(of: request))
                return Self.json(.ok, ["status": "success", "tickets": tickets.map { String($0.id) }.joined(separator: ",")])
            }
        }
        router.post("inbound/pagerduty") { request, _ -> Response in
            try await Self.answer {
                let event = try JSONDecoder().decode(PagerDutyEvent.self, from: try await Self.body(of: request))
                guard Self.tokensMatch(event.routing_key, settings.token.value) else {
                    return Self.problem(.unauthorized, "routing_key is not the inbound token of config/triage.yml")
                }
                let (key, _) = try await receiver.receivePagerDuty(event)
                return Self.json(.accepted, ["status": "success", "message": "Event processed", "dedup_key": key])
            }
        }
        let onListening = self.onListening
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "triage"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        try await app.run()
    }

    private static func body(of request: Request) async throws -> Data {
        var request = request
        return Data(buffer: try await request.collectBody(upTo: maxBodyBytes))
    }

    /// Runs `handle`, turning a body that is not the expected JSON or an event that cannot be acted on into a 400.
    private static func answer(_ handle: () async throws -> Response) async throws -> Response {
        do {
            return try await handle()
        } catch let error as DecodingError {
            return problem(.badRequest, "the body is not the expected JSON: \(describe(error))")
        } catch let refusal as InboundRefusal {
            return problem(.badRequest, refusal.message)
        }
    }

    /// Compares in time independent of where the strings differ, so the token cannot be guessed by timing.
    static func tokensMatch(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func problem(_ status: HTTPResponse.Status, _ detail: String) -> Response {
        json(status, ["status": "invalid event", "message": detail])
    }

    private static func json(_ status: HTTPResponse.Status, _ fields: [String: String]) -> Response {
        let data = (try? JSONEncoder().encode(fields)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "missing \(path(context, key))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "wrong type at \(path(context, nil))"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context, _ key: (any CodingKey)?) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
