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
        try encode(value, to: sink, fastPaths: true)
    }

    /// - Parameter fastPaths: whether ``JSONStreamable`` values write themselves and
    ///   ``JSONParallelArray``s are encoded on every core; tests turn it off to compare both with
    ///   the plain `Encodable` path.
    static func encode(_ value: some Encodable, to sink: OutputSink, fastPaths: Bool) throws {
        let writer = JSONStreamWriter(sink: sink, fastPaths: fastPaths)
        try writer.encode(value, path: .root)
        writer.close(downTo: 0)
    }
}

extension JSONStreamWriter {
    /// Writes one value: a scalar directly, anything else through its own `encode(to:)`, whose
    /// containers are closed when it returns. Scalars are told apart by comparing metatypes,
    /// which costs a pointer comparison where a cast costs a runtime call per value.
    ///
    /// `key` is the member or element the value is written as: it joins the coding path only
    /// when the value nests (or fails), so a scalar member allocates nothing.
    func encode<T: Encodable>(_ value: T, path: JSONCodingPath, key: (any CodingKey)? = nil) throws {
        if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Double.self {
            try number(unsafeBitCast(value, to: Double.self), at: path, key)
        } else if T.self == Int.self {
            integer(unsafeBitCast(value, to: Int.self))
        } else if T.self == Date.self {
            date(unsafeBitCast(value, to: Date.self))
        } else if T.self == Bool.self {
            bool(unsafeBitCast(value, to: Bool.self))
        } else {
            try encodeOther(value, path: path, key: key)
        }
    }

    /// The rarer scalars, and values that encode themselves. Metatypes are compared here too: a
    /// failed cast (`value as? Float`) per nested value costs a conformance lookup each.
    private func encodeOther<T: Encodable>(_ value: T, path: JSONCodingPath, key: (any CodingKey)?) throws {
        if T.self == Float.self {
            try number(Double(unsafeBitCast(value, to: Float.self)), at: path, key)
        } else if T.self == Int64.self {
            integer(unsafeBitCast(value, to: Int64.self))
        } else if T.self == Int32.self {
            integer(unsafeBitCast(value, to: Int32.self))
        } else if T.self == UInt64.self {
            integer(unsafeBitCast(value, to: UInt64.self))
        } else if T.self == UInt.self {
            integer(unsafeBitCast(value, to: UInt.self))
        } else if T.self == URL.self {
            string(unsafeBitCast(value, to: URL.self).absoluteString)
        } else if fastPaths, depth < Self.parallelDepth, let array = value as? any JSONParallelArray,
            try encodeInParallel(array, path: path.appending(key))
        {
            return
        } else if fastPaths, let streamable = value as? any JSONStreamable {
            try streamable.writeJSON(to: self, path: path.appending(key))
        } else {
            let base = depth
            try value.encode(to: JSONEntryEncoder(writer: self, path: path.appending(key), base: base))
            if !wroteValue { openObject() }
            close(downTo: base)
        }
    }
}

/// Where a value sits in the document, for the errors that name it: kept as a chain built only
/// as deep as values are nested, because an array copied for every member (`codingPath + [key]`)
/// costs more than writing the member.
///
/// Unchecked `Sendable`: the chain is immutable once built, and its keys are the coding keys of
/// values being encoded, read only to name a failure.
struct JSONCodingPath: @unchecked Sendable {
    private final class Node {
        let key: any CodingKey
        let parent: Node?

        init(key: any CodingKey, parent: Node?) {
            self.key = key
            self.parent = parent
        }
    }

    private var last: Node?

    static var root: JSONCodingPath { JSONCodingPath(last: nil) }

    func appending(_ key: (any CodingKey)?) -> JSONCodingPath {
        key.map { JSONCodingPath(last: Node(key: $0, parent: last)) } ?? self
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = last
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// The `Encoder` a value encodes itself to: its first container opens at `base + 1`.
struct JSONEntryEncoder: Encoder {
    let writer: JSONStreamWriter
    let path: JSONCodingPath
    let base: Int
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if writer.depth == base { writer.openObject() }
        return KeyedEncodingContainer(JSONObjectContainer(writer: writer, path: path, level: base + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if writer.depth == base { writer.openArray() }
        return JSONArrayContainer(writer: writer, path: path, level: base + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONScalarContainer(writer: writer, path: path)
    }
}
