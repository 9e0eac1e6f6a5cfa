import Foundation

/// Writes indented JSON to an ``OutputSink`` token by token, as ``StreamingJSONEncoder`` walks a
/// value: objects and arrays are opened and closed, members and elements separated, strings
/// escaped, numbers and dates written in the shapes `JSONEncoder` uses, so what scripts parse
/// does not change with the writer.
///
/// `Encoder` containers are never told they are finished; the writer keeps the stack of open
/// containers, and the encoder closes every container deeper than the one it writes into.
final class JSONStreamWriter {
    private struct Open {
        var closer: UInt8
        var count = 0
    }

    private let sink: OutputSink
    // Both unchecked for the reason ``OutputSink``'s buffer is: they change at every token, a
    // writer serves one encoding on one thread, and no access spans a call out of this class.
    @exclusivity(unchecked) private var stack: [Open] = []
    /// Whether a value was written since the last member or element began: a value whose
    /// `encode(to:)` writes nothing still needs one (`{}`, as `JSONEncoder` writes).
    @exclusivity(unchecked) private(set) var wroteValue = false

    /// Whether ``JSONStreamable`` values write themselves rather than go through `Encodable`.
    let fastPaths: Bool

    /// - Parameter depth: how many containers are open around what it writes (an element of an
    ///   array encoded apart, see ``JSONParallelArray``): its lines are indented as deep.
    init(sink: OutputSink, fastPaths: Bool = true, depth: Int = 0) {
        self.sink = sink
        self.fastPaths = fastPaths
        stack = Array(repeating: Open(closer: 0, count: 1), count: depth)
    }

    /// How many containers are open.
    var depth: Int { stack.count }

    func openObject() { open(UInt8(ascii: "{"), closer: UInt8(ascii: "}")) }
    func openArray() { open(UInt8(ascii: "["), closer: UInt8(ascii: "]")) }

    /// Closes containers until `depth` are open.
    func close(downTo depth: Int) {
        while stack.count > depth {
            let open = stack.removeLast()
            if open.count > 0 { newline() }
            sink.write(byte: open.closer)
        }
    }

    /// Starts the next member of the innermost object: `,`, a new line and `"key" : `.
    func beginMember(_ key: String) {
        beginEntry()
        string(key)
        sink.write(" : ")
        wroteValue = false
    }

    /// Starts the next element of the innermost array.
    func beginElement() {
        beginEntry()
        wroteValue = false
    }

    /// A value another writer encoded (see ``JSONParallelArray``).
    func writeEncoded(_ text: String) { scalar(text) }

    func null() { scalar("null") }
    func bool(_ value: Bool) { scalar(value ? "true" : "false") }
    func integer(_ value: some BinaryInteger) { scalar(String(value)) }

    /// A finite number as `JSONEncoder` writes it: shortest round-trip digits, no `.0` on whole
    /// ones. Whole numbers (most seconds in a report) are written as integers, without the
    /// round-trip formatting; `path` and `key` only make the error of a value JSON cannot hold.
    func number(_ value: Double, at path: JSONCodingPath, _ key: (any CodingKey)? = nil) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: path.appending(key).keys, debugDescription: "\(value) is not a JSON number")
            )
        }
        if abs(value) < Self.exactIntegers, value.rounded(.towardZero) == value, value != 0 || value.sign == .plus {
            integer(Int64(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        scalar(text)
    }

    /// Below this, a whole `Double` prints without an exponent, so its integer digits are what
    /// `description` would print.
    private static let exactIntegers = 1e15

    /// An instant as ISO 8601 UTC to the second (`2026-11-02T14:00:00Z`), the `.iso8601` strategy.
    func date(_ date: Date) {
        wroteValue = true
        sink.write(byte: UInt8(ascii: "\""))
        ISO8601Seconds.write(date, to: sink)
        sink.write(byte: UInt8(ascii: "\""))
    }

    /// A string with `"`, `\` and control characters escaped; `/` and non-ASCII as they are.
    func string(_ text: String) {
        wroteValue = true
        sink.write(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plain = 0
            for index in utf8.indices {
                let byte = utf8[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                    sink.write(bytes: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                    escape(byte)
                    plain = index + 1
                }
            }
            sink.write(bytes: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        sink.write(byte: UInt8(ascii: "\""))
    }

    private func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): sink.write("\\\"")
        case UInt8(ascii: "\\"): sink.write("\\\\")
        case UInt8(ascii: "\n"): sink.write("\\n")
        case UInt8(ascii: "\r"): sink.write("\\r")
        case UInt8(ascii: "\t"): sink.write("\\t")
        case 0x08: sink.write("\\b")
        case 0x0C: sink.write("\\f")
        default:
            let hex = String(byte, radix: 16)
            sink.write("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }

    private func scalar(_ text: String) {
        wroteValue = true
        sink.write(text)
    }

    private func open(_ opener: UInt8, closer: UInt8) {
        wroteValue = true
        sink.write(byte: opener)
        stack.append(Open(closer: closer))
    }

    private func beginEntry() {
        if stack[stack.count - 1].count > 0 { sink.write(byte: UInt8(ascii: ",")) }
        stack[stack.count - 1].count += 1
        newline()
    }

    /// A new line indented two spaces per open container.
    private func newline() {
        let width = 1 + 2 * stack.count
        if width <= Self.indentation.count {
            sink.write(bytes: Self.indentation[..<width])
        } else {
            sink.write(byte: UInt8(ascii: "\n"))
            sink.write(bytes: repeatElement(UInt8(ascii: " "), count: width - 1))
        }
    }

    /// A new line and the spaces of the deepest indentation a report reaches, sliced per line.
    private static let indentation: [UInt8] = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 32)
}
