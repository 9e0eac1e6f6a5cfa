import Foundation

/// Response times counted in logarithmic buckets, so an hour's or a month's latencies fit in a
/// few hundred counters and merge by adding them: reports read percentiles from roll-ups instead
/// of from every stored result.
///
/// Bucket `i` holds the times in `[floor·growth^i, floor·growth^(i+1))` (bucket 0 also holds
/// everything below `floor`), so a percentile read back is within ±2 % of the time that happened
/// (the bucket's geometric middle stands for its times). Times above the last bucket land in it.
public struct LatencyHistogram: Sendable, Hashable {
    /// Each bucket is 4 % wider than the one before it.
    public static let growth = 1.04
    /// 0.1 ms: nothing a network probe measures is shorter.
    public static let floor = 0.000_1
    /// Up to about 21 minutes, longer than any probe's timeout.
    public static let bucketCount = 420

    /// Counts by bucket, trimmed after the last non-empty one.
    public private(set) var counts: [UInt32]
    /// How many times were recorded: kept as counts are added, since reports ask for it per
    /// percentile of every hour they fold.
    public private(set) var total: Int

    public init() {
        counts = []
        total = 0
    }

    public var isEmpty: Bool { total == 0 }

    /// Counts `seconds` once.
    public mutating func record(_ seconds: Double) {
        add(1, at: Self.bucket(of: seconds))
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: LatencyHistogram) {
        for (index, count) in other.counts.enumerated() where count > 0 {
            add(count, at: index)
        }
    }

    /// The time at rank `share` (0...1) by nearest rank: the middle of the bucket holding the
    /// smallest time with at least `share` of the times at or below it. Nil when empty.
    public func percentile(_ share: Double) -> Double? {
        guard total > 0 else { return nil }
        let rank = max(1, Int((share * Double(total)).rounded(.up)))
        var seen = 0
        for (index, count) in counts.enumerated() {
            seen += Int(count)
            if seen >= rank { return Self.middle(of: index) }
        }
        return Self.middle(of: counts.count - 1)
    }

    mutating func add(_ count: UInt32, at index: Int) {
        if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index - counts.count + 1)) }
        counts[index] &+= count
        total += Int(count)
    }

    static func bucket(of seconds: Double) -> Int {
        guard seconds > floor else { return 0 }
        return min(Int(log(seconds / floor) / log(growth)), bucketCount - 1)
    }

    static func middle(of index: Int) -> Double {
        floor * pow(growth, Double(index) + 0.5)
    }
}

extension LatencyHistogram {
    /// The stored form: for each non-empty bucket, its index (2 bytes) and count (4 bytes), little
    /// endian. An hour of one check's results takes a few dozen bytes.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        for (index, count) in counts.enumerated() where count > 0 {
            bytes.append(UInt8(index & 0xFF))
            bytes.append(UInt8(index >> 8))
            withUnsafeBytes(of: count.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Reads the stored form back; a truncated or out-of-range entry is an error, never a silent zero.
    public init(encoded bytes: some Collection<UInt8>) throws {
        self.init()
        try merge(encoded: bytes)
    }

    /// Adds the counts of a stored form without building a histogram for it, for reports that
    /// fold thousands of hours.
    public mutating func merge(encoded bytes: some Collection<UInt8>) throws {
        if let done = try bytes.withContiguousStorageIfAvailable({ try merge(encoded: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        try copy.withUnsafeBytes { try merge(encoded: $0) }
    }

    /// Adds the counts of a stored form read in place (a blob column's bytes), with no copy.
    public mutating func merge(encoded bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count % 6 == 0 else { throw LatencyHistogramError.truncated(byteCount: bytes.count) }
        var offset = 0
        while offset < bytes.count {
            let index = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            guard index < Self.bucketCount else { throw LatencyHistogramError.bucketOutOfRange(index) }
            let count = UInt32(bytes[offset + 2]) | UInt32(bytes[offset + 3]) << 8 | UInt32(bytes[offset + 4]) << 16
                | UInt32(bytes[offset + 5]) << 24
            add(count, at: index)
            offset += 6
        }
    }
}

/// A stored latency histogram that cannot be read back.
public enum LatencyHistogramError: Error, Hashable, CustomStringConvertible {
    case truncated(byteCount: Int)
    case bucketOutOfRange(Int)

    public var description: String {
        switch self {
        case .truncated(let count): "a stored latency histogram has \(count) bytes, not a multiple of 6"
        case .bucketOutOfRange(let index): "a stored latency histogram names bucket \(index), beyond the last"
        }
    }
}
