import CurlEngine
import Foundation
import TriageCore

/// One JSON POST through the shared ``CurlEngine``, as every HTTP channel sends: accepted on any
/// 2xx answer; any other status or a transfer error is a ``DeliveryFailure`` naming it (never
/// the URL, which may carry a token).
struct HTTPPost: Sendable {
    let engine: CurlEngine
    let channel: String
    /// A receiver that takes longer is treated as down for this attempt.
    let timeout: Duration

    func send(_ body: [UInt8], to url: String, headers: [CurlHeader] = []) async throws {
        var request = CurlRequest(url: url, timeout: timeout)
        request.method = "POST"
        request.body = body
        request.headers = [CurlHeader(name: "Content-Type", value: "application/json")] + headers
        request.followRedirects = false
        request.maxBodyBytes = 4096
        let response = try await engine.perform(request)
        if let error = response.error {
            throw DeliveryFailure(channel: channel, message: "\(error.kind): \(error.message)")
        }
        guard (200..<300).contains(response.statusCode) else {
            let answer = String(decoding: response.body.prefix(200), as: UTF8.self)
            throw DeliveryFailure(channel: channel, message: "HTTP \(response.statusCode): \(answer)")
        }
    }

    /// Compact JSON with ISO-8601 dates and sorted keys, so a signature is over stable bytes.
    static func json<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
