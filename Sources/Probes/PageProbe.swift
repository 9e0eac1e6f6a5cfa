import CurlEngine
import Foundation
import TriageCore

/// Page load as a visitor meets it: the page, then the stylesheets, scripts and images it
/// references, fetched concurrently as a browser does.
///
/// The page is fetched and judged by ``HTTPProbe`` first, so an unreachable page or an error
/// status is `down` with the same failure class and reason as an http check. Its assets (found by
/// ``AssetExtractor``, at most `maxAssets`) are then fetched through the same engine, each with
/// the time left of the check's timeout, and downloaded whole as a browser does, counted but not
/// kept in memory (`keepBody = false`). The whole time runs from the page request's start to the
/// last asset's end (the page's transfer time plus the slowest asset's, from libcurl's timings)
/// and is the result's `timings.total`, so the slow rule of detection reads it as it reads an
/// http check's.
///
/// Outcomes: `degraded` when the whole time exceeds `detection.slowAfter`; otherwise `up`, with
/// the reason noting a time over `detection.warnAfter` (which detection turns into a YELLOW
/// warning when it lasts).
/// Failed assets (status 400 or above, or a transfer error) never change the outcome, since the
/// page still shows; the reason names them.
public struct PageProbe: Probe {
    let http: HTTPProbe

    public init(engine: CurlEngine, clock: any TriageClock) {
        http = HTTPProbe(engine: engine, clock: clock)
    }

    public func run(_ spec: PageCheckSpec, for check: Check) async throws -> ProbeResult {
        let (judged, response) = try await http.fetch(spec.page, for: check)
        guard judged.outcome != .down else { return judged }
        let pageURL = response.effectiveURL.flatMap { URL(string: $0) } ?? spec.url
        let urls = AssetExtractor(pageURL: pageURL, limit: spec.maxAssets).assets(in: response.body)
        let assets = try await fetch(urls, budget: check.timeout - .seconds(response.timings.total))
        let load = PageLoad(pageURL: pageURL, pageSeconds: response.timings.total, assets: assets)
        var result = judged
        result.timings.total = load.seconds
        result.bytesRead += assets.reduce(0) { $0 + $1.bytes }
        let slow = load.seconds > check.detection.slowAfter.inSeconds
        result.outcome = slow ? .degraded : .up
        result.failure = nil
        result.reason = load.summary(warnAfter: slow ? nil : check.detection.warnAfter) + load.failureNote
        return result
    }

    /// Fetches every asset at once, each within `budget` (at least a millisecond, because a
    /// timeout of zero means "no limit" to libcurl), returned in the page's order so a reason
    /// names failures the same way on every probe.
    private func fetch(_ urls: [URL], budget: Duration) async throws -> [AssetLoad] {
        let timeout = max(budget, .milliseconds(1))
        let loads = try await withThrowingTaskGroup(of: (Int, AssetLoad).self) { group in
            for (position, url) in urls.enumerated() {
                group.addTask {
                    var request = http.request(for: HTTPCheckSpec(url: url), timeout: timeout)
                    request.keepBody = false
                    let response = try await http.engine.perform(request)
                    return (position, AssetLoad(url: url, response: response))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return loads.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// One asset as it loaded: how long it took and, when it failed, why in a word or two.
struct AssetLoad {
    var url: URL
    var seconds: Double
    var bytes: Int
    /// "404", or the failure class of a transfer error ("timeout", "refused"); nil when it loaded.
    var failure: String?

    init(url: URL, response: CurlResponse) {
        self.url = url
        seconds = response.timings.total
        bytes = response.bodyBytesReceived
        if let error = response.error {
            failure = TransferFailure.classify(error).rawValue
        } else {
            failure = response.statusCode >= 400 ? String(response.statusCode) : nil
        }
    }
}

/// A whole page load, in the words of a probe's reason.
struct PageLoad {
    var pageURL: URL
    var pageSeconds: Double
    var assets: [AssetLoad]

    /// From the page request's start to the last asset's end: assets start once the page is read.
    var seconds: Double { pageSeconds + (assets.map(\.seconds).max() ?? 0) }

    /// "page and 3 assets loaded in 11.2 s; slowest: /app.js 11.0 s", with a note when the time
    /// is over `warnAfter`.
    func summary(warnAfter: Duration?) -> String {
        var text = "page and \(count(assets.count, "asset")) loaded in \(seconds.fixed(decimals: 1)) s"
        if let warnAfter, seconds > warnAfter.inSeconds { text += ", over warnAfter (\(warnAfter.inWords))" }
        guard let slowest = assets.max(by: { $0.seconds < $1.seconds }) else { return text }
        return text + "; slowest: \(name(of: slowest.url)) \(slowest.seconds.fixed(decimals: 1)) s"
    }

    /// "; 2 assets failed: /missing.css 404, /app.js timeout", or nothing when all loaded.
    var failureNote: String {
        let failed = assets.compactMap { asset in asset.failure.map { "\(name(of: asset.url)) \($0)" } }
        guard !failed.isEmpty else { return "" }
        let list = failed.joined(separator: ", ")
        return "; \(count(failed.count, "asset")) failed: \(list)"
    }

    /// An asset of the page's own origin by its path and query, as the page wrote it; another
    /// origin's by its full URL, so a slow CDN is named as such.
    func name(of url: URL) -> String {
        let sameOrigin = url.scheme == pageURL.scheme && url.host == pageURL.host && url.port == pageURL.port
        guard sameOrigin else { return url.absoluteString }
        return url.path + (url.query.map { "?\($0)" } ?? "")
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
