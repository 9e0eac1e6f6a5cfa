import Foundation
import Testing
@testable import Probes

/// The asset extractor on hand-written pages: which tags count, how references resolve, and
/// the limits that keep one page load bounded.
@Suite("Asset extractor")
struct AssetExtractorTests {
    let page = URL(string: "https://www.acme.example/shop/index.html")!

    func assets(_ html: String, limit: Int = 30) -> [String] {
        AssetExtractor(pageURL: page, limit: limit).assets(in: Array(html.utf8)).map(\.absoluteString)
    }

    @Test func findsStylesheetsScriptsAndImagesInDoubleAndSingleQuotes() {
        let html = """
            <html><head><LINK REL="Stylesheet" href="/a.css"><script src='/b.js'></script>
            <link rel='icon' href="/favicon.ico"><link rel="preload stylesheet" href=/c.css></head>
            <body><img alt="x > y" src="/d.png"><a href="/e.html">e</a></body></html>
            """
        #expect(assets(html) == [
            "https://www.acme.example/a.css", "https://www.acme.example/b.js",
            "https://www.acme.example/c.css", "https://www.acme.example/d.png",
        ])
    }

    @Test func resolvesRelativeReferencesAndKeepsOtherOrigins() {
        let html = """
            <script src="app.js"></script><img src="../logo.png"><img src="//cdn.example.net/x.png">
            <script src="http://static.example.org/lib.js?v=1&amp;min=1"></script>
            """
        #expect(assets(html) == [
            "https://www.acme.example/shop/app.js", "https://www.acme.example/logo.png",
            "https://cdn.example.net/x.png", "http://static.example.org/lib.js?v=1&min=1",
        ])
    }

    @Test func ignoresOtherSchemesEmptyReferencesAndComments() {
        let html = """
            <img src="data:image/png;base64,AAAA"><script src="javascript:void(0)"></script>
            <img src=""><script>inline()</script><!-- <img src="/old.png"> --><img src="ftp://x.example/y.png">
            """
        #expect(assets(html).isEmpty)
    }

    @Test func fetchesEachAssetOnceInPageOrder() {
        let html = #"<img src="/a.png"><script src="/b.js"></script><img src="https://www.acme.example/a.png">"#
        #expect(assets(html) == ["https://www.acme.example/a.png", "https://www.acme.example/b.js"])
    }

    @Test func stopsAtTheLimit() {
        let html = (1...5).map { "<img src=\"/\($0).png\">" }.joined()
        #expect(assets(html, limit: 2) == ["https://www.acme.example/1.png", "https://www.acme.example/2.png"])
    }

    @Test func survivesACutOffBody() {
        #expect(assets(#"<img src="/a.png"><script src="/b"#).count == 2)
        #expect(assets("<img src=").isEmpty)
        #expect(assets("<!-- never closed <img src=\"/a.png\">").isEmpty)
    }
}
