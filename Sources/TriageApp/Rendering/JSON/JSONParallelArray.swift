import Foundation

/// An array whose elements can be encoded on several threads: the full report's thousand sites
/// (and thousand checks' response times) are independent of each other, and encoding them is
/// the part of a report that runs on one core while the other waits.
///
/// Each element is encoded by a writer of its own, indented as deep as the array's elements,
/// so the pieces join into the text one writer would have written.
protocol JSONParallelArray {
    var count: Int { get }
    /// Element `index` as JSON indented for `depth` open containers; `path` is the array's.
    func encodeElement(_ index: Int, depth: Int, path: JSONCodingPath, fastPaths: Bool) throws -> String
}

/// An element type whose arrays are encoded in parallel: values (`Sendable`) that are large
/// enough for a thread each to gain. Opted into type by type, where the report holds thousands.
protocol JSONParallelElement: Encodable, Sendable {}

extension Array: JSONParallelArray where Element: JSONParallelElement {
    func encodeElement(_ index: Int, depth: Int, path: JSONCodingPath, fastPaths: Bool) throws -> String {
        try OutputSink.collect { sink in
            let writer = JSONStreamWriter(sink: sink, fastPaths: fastPaths, depth: depth)
            try writer.encode(self[index], path: path, key: JSONIndexKey(intValue: index))
            writer.close(downTo: depth)
        }
    }
}

extension JSONStreamWriter {
    /// Below this depth an array is worth checking for parallel encoding: the large ones sit near
    /// the top of a report, and the check is a cast, too dear to make for every nested value.
    static let parallelDepth = 3

    /// Writes `array` with its elements encoded on every core, if it is long enough to gain.
    /// - Returns: false, writing nothing, when it is not.
    func encodeInParallel(_ array: any JSONParallelArray, path: JSONCodingPath) throws -> Bool {
        guard array.count >= ParallelPieces.window else { return false }
        let base = depth
        openArray()
        let fastPaths = fastPaths
        try ParallelPieces.forEach(
            count: array.count,
            render: { [array = UncheckedArray(array)] index in
                try array.value.encodeElement(index, depth: base + 1, path: path, fastPaths: fastPaths)
            },
            write: { piece in
                beginElement()
                writeEncoded(piece)
            }
        )
        close(downTo: base)
        return true
    }
}

/// An array of `Sendable` elements, seen through the existential that hides that it is one.
private struct UncheckedArray: @unchecked Sendable {
    let value: any JSONParallelArray
    init(_ value: any JSONParallelArray) { self.value = value }
}

/// The coding path entry of an array element, for errors.
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
