import Detection
import Foundation
import Testing
import TriageCore

/// The cache rules: cache check results fed by hand (stale copies, cache down, origin down behind
/// a cache, both down), time taken from the results.
struct CacheDetectionTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func check() -> Check {
        let spec = CacheCheckSpec(edge: URL(string: "https://www.acme.example/")!, origin: URL(string: "http://10.0.0.5:8080/")!)
        return Check(
            targetID: "acme/www", customer: "acme", name: "cache", spec: .cache(spec),
            interval: .seconds(60), timeout: .seconds(30), detection: .standard
        )
    }

    /// A result as the cache probe makes it: stale copies are degraded, located faults down, and
    /// the status is the edge's (nil when the edge did not answer, 503 when Varnish had no copy).
    func result(_ failure: FailureClass?, at minutes: Double, edgeStatus: Int? = 200) -> ProbeResult {
        let outcome: ProbeOutcome = switch failure {
        case nil: .up
        case .staleContent: .degraded
        default: .down
        }
        return ProbeResult(
            checkID: "acme/www/cache", startedAt: start.addingTimeInterval(minutes * 60), outcome: outcome,
            failure: failure, reason: failure.map { "edge \($0.rawValue)" } ?? "HTTP 200; the edge matches the origin",
            statusCode: edgeStatus, timings: PhaseTimings(total: 0.05)
        )
    }

    @Test func twoStaleResultsInARowRaiseRedCacheNotRefreshing() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(nil, at: 0)).isQuiet)
        let first = detector.observe(result(.staleContent, at: 1))
        #expect(first.raised.isEmpty)
        #expect(first.recheckSoon)
        let verdict = detector.observe(result(.staleContent, at: 1.05))
        let finding = try #require(verdict.raised.first)
        #expect(verdict.raised.count == 1)
        #expect(finding.kind == .staleCache)
        #expect(finding.code == .red)
        #expect(finding.kind.caseID == .cacheNotRefreshing)
        #expect(finding.kind.caseID.rawValue == "cache-not-refreshing")
        #expect(finding.dedupKey == "acme/www/cache#stale-cache")
        #expect(finding.summary == "acme/www/cache: cache not refreshing: edge stale")
        #expect(finding.evidence.count == 2)
        #expect(detector.active == [.staleCache], "a stale edge still serves a page: it is not down")
    }

    @Test func aLongStalenessRaisesOnceAndALoneStaleResultNothing() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.staleContent, at: 0))
        #expect(detector.observe(result(nil, at: 1)).raised.isEmpty)
        #expect(detector.observe(result(.staleContent, at: 2)).raised.isEmpty, "the streak started again")
        #expect(detector.observe(result(.staleContent, at: 3)).raised.map(\.kind) == [.staleCache])
        for minute in 4...30 {
            #expect(detector.observe(result(.staleContent, at: Double(minute))).raised.isEmpty)
        }
        #expect(detector.active == [.staleCache])
    }

    @Test func staleRecoversAfterFreshResultsAndADownResultKeepsItOpen() {
        var detector = CheckDetector(check: check(), active: [.staleCache])
        #expect(detector.observe(result(nil, at: 0)).recovered.isEmpty)
        #expect(detector.observe(result(.cacheDown, at: 1, edgeStatus: nil)).recovered.isEmpty)
        #expect(detector.observe(result(nil, at: 2)).recovered.isEmpty)
        #expect(detector.observe(result(nil, at: 3)).recovered == [.staleCache])
        #expect(detector.active.isEmpty)
    }

    @Test func aCacheDownWhileTheOriginIsUpIsSiteDown() throws {
        var detector = CheckDetector(check: check())
        #expect(detector.observe(result(.cacheDown, at: 0, edgeStatus: nil)).recheckSoon)
        let finding = try #require(detector.observe(result(.cacheDown, at: 0.05, edgeStatus: nil)).raised.first)
        #expect(finding.kind == .down)
        #expect(finding.kind.caseID == .siteDown)
        #expect(finding.summary == "acme/www/cache: site down or not visible: edge cache-down")
    }

    @Test func anOriginDownBehindACacheStillServingIsRedAndSaysSo() throws {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.originDown, at: 0))
        let finding = try #require(detector.observe(result(.originDown, at: 0.05)).raised.first)
        #expect(finding.kind == .down)
        #expect(finding.code == .red)
        #expect(finding.summary == "acme/www/cache: origin down behind a healthy cache: edge origin-down")
    }

    @Test func bothDownBehindAVarnish503IsDownNotServerErrors() throws {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.cacheAndOriginDown, at: 0, edgeStatus: 503))
        let verdict = detector.observe(result(.cacheAndOriginDown, at: 0.05, edgeStatus: 503))
        #expect(verdict.raised.map(\.kind) == [.down])
        #expect(detector.active == [.down])
    }

    @Test func anOutageThatMovesFromOriginToBothIsOneIncidentAndRecovers() {
        var detector = CheckDetector(check: check())
        _ = detector.observe(result(.originDown, at: 0))
        #expect(detector.observe(result(.originDown, at: 1)).raised.map(\.kind) == [.down])
        #expect(detector.observe(result(.cacheAndOriginDown, at: 2, edgeStatus: nil)).raised.isEmpty)
        #expect(detector.observe(result(.cacheDown, at: 3, edgeStatus: nil)).raised.isEmpty)
        #expect(detector.observe(result(nil, at: 4)).recovered.isEmpty)
        #expect(detector.observe(result(nil, at: 5)).recovered == [.down])
        #expect(detector.active.isEmpty)
    }

    @Test func staleResultsOfAnotherKindOfCheckRaiseNoCacheFinding() {
        let spec = HTTPCheckSpec(url: URL(string: "https://www.acme.example/")!)
        let http = Check(
            targetID: "acme/www", customer: "acme", name: "http", spec: .http(spec), interval: .seconds(60),
            timeout: .seconds(30), detection: .standard
        )
        var detector = CheckDetector(check: http)
        _ = detector.observe(result(.staleContent, at: 0))
        #expect(detector.observe(result(.staleContent, at: 1)).raised.isEmpty)
    }
}
