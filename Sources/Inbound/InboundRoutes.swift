import Foundation
import Hummingbird
import Logging

/// The two routes of other monitoring tools' alerts, registered the same way on the `inbound:`
/// listener (``InboundServer``) and on the API server (`triage serve`, `triage run --http`):
///
/// - `POST /inbound/alertmanager`: an Alertmanager webhook (version 4), with
///   `Authorization: Bearer <inbound token>`; 200 with the tickets it touched;
/// - `POST /inbound/pagerduty`: a PagerDuty Events API v2 event whose `routing_key` is the inbound
///   token, answered as PagerDuty answers (202 with the `dedup_key`).
///
/// Bodies over 1 MiB are 413, a wrong or missing token 401, a body that is not the expected JSON
/// 400 with the decoder's words; nothing is written then. Every answer, refusals included, is the
/// small JSON object these senders expect (`status`, `message`), on the API server too: it is
/// Alertmanager or a PagerDuty client that reads it, not a person's API client, so the API's
/// problem documents would only be noise to them.
///
/// They authenticate with the inbound token, not an account's: Alertmanager's webhook settings carry
/// one bearer credential per receiver and PagerDuty senders nothing but their `routing_key`, so
/// neither can log in or hold a role; the token proves only "this is our monitoring".
///
/// ```swift
/// let router = Router()
/// InboundRoutes { logger in InboundIntake(token: token, receiver: receiver) }.add(to: router)
/// ```
public struct InboundRoutes: Sendable {
    /// The routes' paths, each a `POST`, for the API's route list and its OpenAPI document.
    public static let paths = ["/inbound/alertmanager", "/inbound/pagerduty"]
    /// A body over this size is refused with 413 before it is decoded.
    public static let maxBodyBytes = 1 << 20

    let intake: @Sendable (Logger) -> InboundIntake?

    /// - Parameter intake: the token and receiver in force, asked at each request with the request's
    ///   logger; nil when no inbound token is configured, and the routes answer 404.
    public init(intake: @escaping @Sendable (Logger) -> InboundIntake?) {
        self.intake = intake
    }

    public func add<Context: RequestContext>(to router: Router<Context>) {
        let intake = self.intake
        router.post(RouterPath(Self.paths[0])) { request, context -> Response in
            let current = try Self.configured(intake(context.logger))
            guard InboundAnswer.tokensMatch(request.headers[.authorization], "Bearer " + current.token.value) else {
                return InboundAnswer.refusal(.unauthorized, "send Authorization: Bearer <the inbound token of config/triage.yml>")
            }
            return try await InboundAnswer.handling {
                let tickets = try await current.receiver.receiveAlertmanager(try await Self.body(of: request))
                return InboundAnswer.json(.ok, ["status": "success", "tickets": tickets.map { String($0.id) }.joined(separator: ",")])
            }
        }
        router.post(RouterPath(Self.paths[1])) { request, context -> Response in
            let current = try Self.configured(intake(context.logger))
            return try await InboundAnswer.handling {
                let event = try JSONDecoder().decode(PagerDutyEvent.self, from: try await Self.body(of: request))
                guard InboundAnswer.tokensMatch(event.routing_key, current.token.value) else {
                    return InboundAnswer.refusal(.unauthorized, "routing_key is not the inbound token of config/triage.yml")
                }
                let (key, _) = try await current.receiver.receivePagerDuty(event)
                return InboundAnswer.json(.accepted, ["status": "success", "message": "Event processed", "dedup_key": key])
            }
        }
    }

    /// The intake, or the 404 of a server that takes no inbound alerts (the router's own answer to
    /// an unknown path: the API's problem document, or Hummingbird's on the `inbound:` listener).
    private static func configured(_ intake: InboundIntake?) throws -> InboundIntake {
        guard let intake else {
            throw HTTPError(.notFound, message: "no inbound alerts are taken here: config/triage.yml has no inbound: token")
        }
        return intake
    }

    private static func body(of request: Request) async throws -> Data {
        var request = request
        return Data(buffer: try await request.collectBody(upTo: maxBodyBytes))
    }
}
