import CurlEngine
import Foundation
import TriageCore

/// Cache freshness: what visitors get through the cache (the edge) against the origin.
///
/// Both sides are fetched concurrently and judged by ``HTTPProbe`` first, so their failures read
/// as an http check's; when either is down, ``CacheSides/locatedFault(note:)`` says which part
/// (`cacheDown`, `originDown` or `cacheAndOriginDown`, always `down`). The result's status,
/// timings and bytes are the edge's: what visitors met.
///
/// Passive mode (no canary): the pages must agree (``CacheComparison/difference(edge:origin:)``);
/// a difference is fine while the edge's copy is within `maxStaleness`, judged by its `Age`
/// header, else by the time since the origin's `Last-Modified`, and otherwise counts as stale.
/// A stale edge is `degraded` with `FailureClass.staleContent`: visitors still get a page, but an
/// old one, which detection files as the RED cache-not-refreshing case.
///
/// Canary mode: see `CacheProbe+Canary.swift`.
public struct CacheProbe: Probe {
    let http: HTTPProbe
    let clock: any TriageClock

    public init(engine: CurlEngine, clock: any TriageClock) {
        http = HTTPProbe(engine: engine, clock: clock)
        self.clock = clock
    }

    public func run(_ spec: CacheCheckSpec, for check: Check) async throws -> ProbeResult {
        if let canary = spec.canary { return try await runCanary(spec, canary: canary, for: check) }
        let startedAt = clock.now
        let sides = try await fetchBoth(spec, for: check)
        if let fault = sides.locatedFault() { return fault }
        return judge(sides, spec: spec, at: startedAt)
    }

    /// The edge and the origin, fetched at once so both show the same moment.
    func fetchBoth(_ spec: CacheCheckSpec, for check: Check) async throws -> CacheSides {
        async let edge = http.fetch(spec.edgePage, for: check)
        async let origin = http.fetch(spec.originPage, for: check)
        return CacheSides(edge: try await edge, origin: try await origin)
    }

    /// The passive verdict of two answering sides at `now`.
    func judge(_ sides: CacheSides, spec: CacheCheckSpec, at now: Date) -> ProbeResult {
        var result = sides.edge.result
        let edge = sides.edge.response
        guard let difference = spec.comparison.difference(edge: edge, origin: sides.origin.response) else {
            result.reason += "; the edge matches the origin" + CacheSides.ageNote(edge)
            return result
        }
        let allowed = spec.maxStaleness
        let copy: String
        if let age = CacheSides.age(of: edge) {
            copy = "its copy is \(age) s old (Age)"
            if Double(age) <= allowed.inSeconds {
                result.reason += "; the edge differs from the origin within the \(allowed.inWords) allowed (\(copy)): \(difference)"
                return result
            }
        } else if let changed = Self.lastModified(of: sides.origin.response) {
            let behind = Int(now.timeIntervalSince(changed).rounded(.down))
            copy = "the origin changed \(behind) s ago (Last-Modified)"
            if Double(behind) <= allowed.inSeconds {
                result.reason += "; the edge differs from the origin within the \(allowed.inWords) allowed (\(copy)): \(difference)"
                return result
            }
        } else {
            copy = "neither an Age at the edge nor a Last-Modified at the origin tells how old its copy is"
        }
        result.outcome = .degraded
        result.failure = .staleContent
        result.reason = "stale content: the edge differs from the origin beyond the \(allowed.inWords) allowed "
            + "(\(copy)): \(difference)"
        return result
    }

    /// The origin's `Last-Modified` as a date (the IMF-fixdate form every server sends).
    static func lastModified(of response: CurlResponse) -> Date? {
        guard let text = response.header("Last-Modified") else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
