import Foundation
import Hummingbird
import NIOCore

/// The answers of the inbound routes, in the shape Alertmanager and PagerDuty clients expect
/// (`{"status": ..., "message": ...}`), and the checks that choose them.
enum InboundAnswer {
    /// Runs `handle`, turning a body that is not the expected JSON, an event that cannot be acted on
    /// or a body over ``InboundRoutes/maxBodyBytes`` into a refusal (400, 400, 413).
    static func handling(_ handle: () async throws -> Response) async throws -> Response {
        do {
            return try await handle()
        } catch let error as DecodingError {
            return refusal(.badRequest, "the body is not the expected JSON: \(describe(error))")
        } catch let refusal as InboundRefusal {
            return Self.refusal(.badRequest, refusal.message)
        } catch is NIOTooManyBytesError {
            return refusal(.contentTooLarge, "the body is larger than \(InboundRoutes.maxBodyBytes) bytes")
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

    static func refusal(_ status: HTTPResponse.Status, _ detail: String) -> Response {
        json(status, ["status": "invalid event", "message": detail])
    }

    static func json(_ status: HTTPResponse.Status, _ fields: [String: String]) -> Response {
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
