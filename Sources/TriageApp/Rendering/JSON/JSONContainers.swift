import Foundation

/// The members of an object that is the `level`-th open container.
struct JSONObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let path: JSONCodingPath
    var codingPath: [any CodingKey] { path.keys }
    let level: Int

    mutating func encodeNil(forKey key: Key) throws {
        begin(key)
        writer.null()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        begin(key)
        try writer.encode(value, path: path, key: key)
    }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy keyType: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        begin(key)
        writer.openObject()
        return KeyedEncodingContainer(JSONObjectContainer<Nested>(writer: writer, path: path.appending(key), level: writer.depth))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        begin(key)
        writer.openArray()
        return JSONArrayContainer(writer: writer, path: path.appending(key), level: writer.depth)
    }

    mutating func superEncoder() -> any Encoder {
        writer.close(downTo: level)
        writer.beginMember("super")
        return JSONEntryEncoder(writer: writer, path: path, base: level)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        begin(key)
        return JSONEntryEncoder(writer: writer, path: path.appending(key), base: level)
    }

    /// Closes what an earlier member left open, then starts this one.
    private func begin(_ key: Key) {
        writer.close(downTo: level)
        writer.beginMember(key.stringValue)
    }
}

/// The elements of an array that is the `level`-th open container.
struct JSONArrayContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let path: JSONCodingPath
    var codingPath: [any CodingKey] { path.keys }
    let level: Int
    private(set) var count = 0

    init(writer: JSONStreamWriter, path: JSONCodingPath, level: Int) {
        self.writer = writer
        self.path = path
        self.level = level
    }

    mutating func encodeNil() throws {
        begin()
        writer.null()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        begin()
        try writer.encode(value, path: path, key: JSONIndexKey(intValue: count - 1))
    }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy keyType: Nested.Type) -> KeyedEncodingContainer<Nested> {
        begin()
        writer.openObject()
        return KeyedEncodingContainer(JSONObjectContainer<Nested>(writer: writer, path: path, level: writer.depth))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        begin()
        writer.openArray()
        return JSONArrayContainer(writer: writer, path: path, level: writer.depth)
    }

    mutating func superEncoder() -> any Encoder {
        begin()
        return JSONEntryEncoder(writer: writer, path: path, base: level)
    }

    private mutating func begin() {
        writer.close(downTo: level)
        writer.beginElement()
        count += 1
    }
}

/// A value that is one scalar, or one nested value.
struct JSONScalarContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let path: JSONCodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil() throws { writer.null() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.encode(value, path: path)
    }
}
