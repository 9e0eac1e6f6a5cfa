/// The words a visitor reads on an HTML page, as a content baseline compares them: the text
/// between tags, without scripts, styles and comments, ASCII letters lowercased, and every word
/// holding a digit read as the same word `#`, so dates, counters and prices that change on
/// every load do not count as change. Bytes at or above 0x80 are word bytes, so a page in UTF-8
/// is read without decoding it.
struct PageText {
    /// FNV-1a hashes of the words, in page order.
    private(set) var wordHashes: [UInt64] = []

    /// The words of `body` between the first `from` marker and the next `to` marker (both searched
    /// ignoring ASCII case); nil when a marker is not found, since then the page lost the
    /// structure its baseline was taken on.
    init?(_ body: [UInt8], from: String?, to: String?) {
        let lowered = body.asciiLowercased()
        var start = lowered.startIndex
        var end = lowered.endIndex
        if let from {
            guard let found = lowered.range(of: Array(from.utf8).asciiLowercased(), in: start..<end) else { return nil }
            start = found.upperBound
        }
        if let to {
            guard let found = lowered.range(of: Array(to.utf8).asciiLowercased(), in: start..<end) else { return nil }
            end = found.lowerBound
        }
        read(lowered[start..<end])
    }

    private mutating func read(_ text: ArraySlice<UInt8>) {
        var index = text.startIndex
        var word = WordHasher()
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "<") {
                finish(&word)
                index = Self.endOfMarkup(in: text, at: index)
                continue
            }
            if Self.isWordByte(byte) {
                word.add(byte)
            } else {
                finish(&word)
            }
            index += 1
        }
        finish(&word)
    }

    private mutating func finish(_ word: inout WordHasher) {
        if let hash = word.take() { wordHashes.append(hash) }
    }

    /// The index after the markup that starts at `index` (a `<`): a comment to its `-->`, a script
    /// or style element to its closing tag, any other tag to its `>`; an unclosed one runs to the end.
    private static func endOfMarkup(in text: ArraySlice<UInt8>, at index: Int) -> Int {
        let rest = text[index...]
        for (opening, closing) in skippedElements where rest.starts(with: opening) {
            guard let close = text.range(of: closing, in: (index + opening.count)..<text.endIndex) else { return text.endIndex }
            return closing == commentEnd ? close.upperBound : endOfTag(in: text, at: close.upperBound)
        }
        return endOfTag(in: text, at: index)
    }

    private static func endOfTag(in text: ArraySlice<UInt8>, at index: Int) -> Int {
        guard index < text.endIndex, let close = text[index...].firstIndex(of: UInt8(ascii: ">")) else { return text.endIndex }
        return close + 1
    }

    private static let commentEnd = Array("-->".utf8)
    private static let skippedElements: [(opening: [UInt8], closing: [UInt8])] = [
        (Array("<!--".utf8), commentEnd),
        (Array("<script".utf8), Array("</script".utf8)),
        (Array("<style".utf8), Array("</style".utf8)),
    ]

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
    }
}

/// One word's FNV-1a hash, built byte by byte; a word with a digit hashes as `#`.
private struct WordHasher {
    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    private var hash = offsetBasis
    private var length = 0
    private var hasDigit = false

    mutating func add(_ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* Self.prime
        length += 1
        hasDigit = hasDigit || (0x30...0x39).contains(byte)
    }

    /// The finished word's hash, and a fresh start; nil when no byte was added.
    mutating func take() -> UInt64? {
        defer { self = WordHasher() }
        guard length > 0 else { return nil }
        return hasDigit ? (Self.offsetBasis ^ UInt64(UInt8(ascii: "#"))) &* Self.prime : hash
    }
}
