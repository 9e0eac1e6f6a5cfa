import Foundation
import Testing
import TriageCore

@testable import Probes

/// What a baseline reads of a page, and how the fingerprint of that reading moves with edits.
struct PageTextTests {
    func fingerprint(_ html: String, from: String? = nil, to: String? = nil) throws -> PageFingerprint {
        let text = try #require(PageText(Array(html.utf8), from: from, to: to))
        return PageFingerprint(words: text)
    }

    func words(_ html: String, from: String? = nil, to: String? = nil) -> Int? {
        PageText(Array(html.utf8), from: from, to: to)?.wordHashes.count
    }

    /// A distinct word of letters only for each number (words with digits all read alike).
    static func word(_ number: Int, prefix: String) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return prefix + String(letters[number % 26]) + String(letters[number / 26 % 26])
    }

    /// Sixty distinct words, as prose would have.
    let prose = (0..<60).map { Self.word($0, prefix: "w") }

    @Test func markupScriptsStylesAndCommentsAreNotText() {
        let html = """
            <html><head><style>body { color: red }</style><script src="x.js"></script>
            <script>var hidden = "words in a script";</script></head>
            <body class="page"><!-- a comment with words --><p>Two <b>words</b></p></body></html>
            """
        #expect(words(html) == 2)
    }

    @Test func caseAndNumbersDoNotCount() throws {
        let morning = try fingerprint("<p>Welcome to Acme, updated 2026-11-26 09:14, 3 visitors</p>")
        let evening = try fingerprint("<p>WELCOME to acme, updated 2026-11-27 21:40, 1250 visitors</p>")
        #expect(evening.change(since: morning) == 0)
    }

    @Test func theRegionMarkersCutTheStablePart() throws {
        let html = "<header>ticker one</header><main>the article itself</main><footer>Acme</footer>"
        #expect(words(html, from: "<MAIN", to: "</main>") == 3)
        #expect(words(html, from: "<main") == 4)
        #expect(words(html, from: "<aside") == nil)
        #expect(words(html, from: "<main", to: "<header") == nil, "the end marker is searched after the start")
        let otherTicker = "<header>ticker two and more</header><main>the article itself</main><footer>Acme</footer>"
        let a = try fingerprint(html, from: "<main", to: "</main>")
        let b = try fingerprint(otherTicker, from: "<main", to: "</main>")
        #expect(b.change(since: a) == 0)
    }

    @Test func editingATenthOfThePageChangesLittleAndReplacingItChangesAll() throws {
        let original = prose.joined(separator: " ")
        var edited = prose
        for index in stride(from: 5, to: 60, by: 10) { edited[index] = Self.word(index, prefix: "edited") }
        let replaced = (0..<60).map { Self.word($0, prefix: "other") }.joined(separator: " ")
        let baseline = try fingerprint(original)
        let small = try fingerprint(edited.joined(separator: " ")).change(since: baseline)
        let total = try fingerprint(replaced).change(since: baseline)
        #expect(small < 0.35, "a tenth of the words edited: \(small)")
        #expect(total > 0.9, "all words replaced: \(total)")
    }
}
