import Foundation

/// A value that writes its own JSON, past `Codable`'s boxed containers: a full report holds about
/// a million numbers, most of them in a few small types (a day's availability and latency), and
/// for those the generic machinery costs several times the writing itself.
///
/// A conformance must write exactly what the type's `Encodable` conformance writes (members in
/// declaration order, optionals left out when nil); `StreamingJSONEncoderTests` checks each one
/// against the generic path.
protocol JSONStreamable {
    /// Writes the value; `path` names it in an error.
    func writeJSON(to writer: JSONStreamWriter, path: JSONCodingPath) throws
}

extension JSONStreamWriter {
    /// An object whose members `write` writes.
    func object(_ write: () throws -> Void) rethrows {
        let base = depth
        openObject()
        try write()
        close(downTo: base)
    }

    func member(_ key: String, _ value: Double, path: JSONCodingPath) throws {
        beginMember(key)
        try number(value, at: path, JSONMemberKey(stringValue: key))
    }

    func member(_ key: String, _ value: Int) {
        beginMember(key)
        integer(value)
    }

    func member(_ key: String, _ value: Date) {
        beginMember(key)
        date(value)
    }

    func member(_ key: String, _ value: some JSONStreamable, path: JSONCodingPath) throws {
        beginMember(key)
        try value.writeJSON(to: self, path: path.appending(JSONMemberKey(stringValue: key)))
    }
}

/// A member's name in an error's coding path.
struct JSONMemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
