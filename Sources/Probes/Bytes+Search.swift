/// Byte searches of a response body: no decoding, so a page in any encoding compatible with
/// ASCII markers is searched as it came, and a body cut at its cap never fails to decode.
extension Array where Element == UInt8 {
    /// Whether the bytes contain `text` encoded as UTF-8, exactly.
    func contains(utf8 text: String) -> Bool {
        contains(bytes: Array(text.utf8))
    }

    /// Whether the bytes contain `text` encoded as UTF-8, ignoring the case of ASCII letters
    /// ("Hacked By" matches "hacked by"); other bytes compare exactly.
    func contains(ignoringCase text: String) -> Bool {
        asciiLowercased().contains(bytes: Array(text.utf8).asciiLowercased())
    }

    /// Whether `needle` occurs in the bytes; an empty needle always does.
    func contains(bytes needle: [UInt8]) -> Bool {
        range(of: needle, in: startIndex..<endIndex) != nil
    }

    /// The bytes with A to Z turned into a to z, which leaves multi-byte UTF-8 sequences intact
    /// (their bytes are all 0x80 or above).
    func asciiLowercased() -> [UInt8] {
        map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Where `needle` first occurs within `bounds`; an empty needle occurs at its start.
    func range(of needle: [UInt8], in bounds: Range<Int>) -> Range<Int>? {
        guard let first = needle.first else { return bounds.lowerBound..<bounds.lowerBound }
        guard needle.count <= bounds.count else { return nil }
        let lastStart = bounds.upperBound - needle.count
        var start = bounds.lowerBound
        while start <= lastStart, let candidate = self[start...lastStart].firstIndex(of: first) {
            if self[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate..<(candidate + needle.count) }
            start = candidate + 1
        }
        return nil
    }
}
