import Foundation

/// A compact fingerprint of a page's visible text (a MinHash signature of its word pairs), so a
/// content check can say how much of the page changed since an approved baseline without
/// storing the page: 64 values of 16 bits, written in a probe file as `mh1:` and 172 base64 characters.
///
/// Two fingerprints agree at a position with the probability that a word pair drawn from either
/// page is in both (their Jaccard similarity J); ``change(since:)`` turns that into the share of
/// word pairs that differ, `1 - 2J / (1 + J)`, which reads as people expect: editing a tenth of a
/// page's text changes about a tenth of its pairs, a replaced page changes all of them.
///
/// ```swift
/// let baseline = try #require(PageFingerprint(encoded: "mh1:..."))
/// let changed = current.change(since: baseline)   // 0.0 ... 1.0
/// ```
public struct PageFingerprint: Sendable, Hashable {
    /// The number of hash functions: enough for an error of about ±6% on the change, small
    /// enough to paste into YAML.
    public static let size = 64
    static let prefix = "mh1:"

    /// The 16 high bits of each function's minimum over the page's word pairs.
    public let values: [UInt16]

    /// - Precondition: `values.count == PageFingerprint.size`.
    public init(values: [UInt16]) {
        precondition(values.count == Self.size, "a fingerprint has \(Self.size) values")
        self.values = values
    }

    /// The fingerprint written as `encoded`; nil when it is not one (wrong prefix, not base64, wrong length).
    public init?(encoded: String) {
        guard encoded.hasPrefix(Self.prefix),
            let data = Data(base64Encoded: String(encoded.dropFirst(Self.prefix.count))), data.count == Self.size * 2
        else { return nil }
        let bytes = [UInt8](data)
        values = (0..<Self.size).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
    }

    /// The text form, as written in `baseline.digest`.
    public var encoded: String {
        Self.prefix + Data(values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).base64EncodedString()
    }

    /// The share of word pairs that differ between this page and `baseline`, from 0 (same text)
    /// to 1 (nothing in common).
    public func change(since baseline: PageFingerprint) -> Double {
        let agreeing = zip(values, baseline.values).filter { $0 == $1 }.count
        let jaccard = Double(agreeing) / Double(Self.size)
        return 1 - 2 * jaccard / (1 + jaccard)
    }
}
