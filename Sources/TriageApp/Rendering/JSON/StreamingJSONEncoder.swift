import Foundation

/// Encodes any `Encodable` as indented JSON straight into an ``OutputSink``, without building the
/// document in memory: `JSONEncoder` holds a tree of the whole value and then its text, which for
/// the full report of a thousand sites is well over a hundred megabytes.
///
/// The text is what `JSONEncoder` writes with `.prettyPrinted`, `.withoutEscapingSlashes` and the
/// `.iso8601` date strategy, except that members come in the order the type encodes them (its
/// declaration order) rather than sorted: sorting would mean holding each object until it ends.
/// That order is as stable as the sorted one: it changes only when the type does.
///
/// ```swift
/// try StreamingJSONEncoder.encode(report, to: OutputSink(fileDescriptor: STDOUT_FILENO))
/// ```
public enum StreamingJSONEncoder {
    public static func encode(_ value: some Encodable, to sink: OutputSink) throws {
        let writer = JSONStreamWriter(sink: sink)
        try writer.encode(value, codingPath: [])
        writer.close(downTo: 0)
    }
}

extension JSONStreamWriter {
    /// Writes one value: a scalar directly, anything else through its own `encode(to:)`, whose
    /// containers are closed when it returns.
    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: string(text)
        case let number as Double: try self.number(number, codingPath: codingPath)
        case let number as Int: integer(number)
        case let instant as Date: date(instant)
        case let flag as Bool: bool(flag)
        case let number as Float: try self.number(Double(number), codingPath: codingPath)
        case let number as Int64: integer(number)
        case let number as Int32: integer(number)
        case let number as UInt64: integer(number)
        case let number as UInt: integer(number)
        case let url as URL: string(url.absoluteString)
        default:
            let base = depth
            try value.encode(to: JSONEntryEncoder(writer: self, codingPath: codingPath, base: base))
            if !wroteValue { openObject() }
            close(downTo: base)
        }
    }
}

/// The `Encoder` a value encodes itself to: its first container opens at `base + 1`.
struct JSONEntryEncoder: Encoder {
    let writer: JSONStreamWriter
    let codingPath: [any CodingKey]
    let base: Int
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if writer.depth == base { writer.openObject() }
        return KeyedEncodingContainer(JSONObjectContainer(writer: writer, codingPath: codingPath, level: base + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if writer.depth == base { writer.openArray() }
        return JSONArrayContainer(writer: writer, codingPath: codingPath, level: base + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONScalarContainer(writer: writer, codingPath: codingPath)
    }
}
