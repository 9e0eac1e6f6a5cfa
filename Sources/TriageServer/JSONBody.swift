import Foundation
import Hummingbird
import NIOCore
import TriageApp

/// Reading request bodies and writing JSON answers, the same way on every route.
enum JSONBody {
    /// A body over this size is refused with 413 before it is decoded.
    static let maxBytes = 64 * 1024

    /// Decodes the body as `T`; a body that is not that JSON is a 400 naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        guard let value = try await decodeIfPresent(type, from: request) else {
            throw Problem(.badRequest, type: "urn:triage:problem:body", detail: "the body is empty; send a JSON object")
        }
        return value
    }

    /// Decodes the body as `T`, or nil for an empty body (for actions whose options are all optional).
    static func decodeIfPresent<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T? {
        var request = request
        let buffer = try await request.collectBody(upTo: maxBytes)
        guard buffer.readableBytes > 0 else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }

    /// `subject` as JSON through the CLI's renderer (same field names, ISO-8601 UTC times), so
    /// text in it (a ticket summary with `<script>`) is a JSON string and never markup.
    static func response<T: Encodable>(_ subject: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let text = try JSONRenderer<T>().render(subject)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The query parameters of a request, each parsed or refused with a 400 naming it.
struct Query {
    let parameters: [String: String]

    init(_ request: Request) {
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
        self.parameters = parameters
    }

    func string(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// The parameter read by `parse`, nil when absent; a value `parse` rejects is a 400 that says `expected`.
    func value<T>(_ name: String, expected: String, _ parse: (String) -> T?) throws -> T? {
        guard let text = string(name) else { return nil }
        guard let value = parse(text) else {
            throw Problem(.badRequest, type: "urn:triage:problem:query", detail: "\(name)=\(text) is not \(expected)", field: name)
        }
        return value
    }

    /// An integer in `range`, `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        try value(name, expected: "an integer from \(range.lowerBound) to \(range.upperBound)") { Int($0).flatMap { range.contains($0) ? $0 : nil } }
            ?? fallback
    }
}
