import Foundation
import Hummingbird

/// HTML forms' `application/x-www-form-urlencoded` bodies, read under the API's body limit.
enum FormBody {
    /// The fields of the body (the last value of a repeated name); a body over the limit is a 413.
    static func fields(of request: Request) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: JSONBody.maxBytes)
        return decode(String(buffer: buffer))
    }

    /// `a=1&b=x+y%21` as `["a": "1", "b": "x y!"]`.
    static func decode(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func value(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[value(parts[0])] = parts.count > 1 ? value(parts[1]) : ""
        }
        return fields
    }

    /// `text` percent-encoded for a query value or form field.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// Compares two tokens in time that does not depend on where they differ, so the CSRF token
    /// cannot be guessed a character at a time from response times.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (Array(lhs.utf8), Array(rhs.utf8))
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
