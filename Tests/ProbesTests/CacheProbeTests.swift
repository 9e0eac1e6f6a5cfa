import CurlEngine
import Foundation
import Probes
import Testing
import TriageCore
import TriageTesting

/// The cache probe against a real Varnish in front of a real origin nginx (the shared pair of
/// scripts/servers/20-cache.sh): healthy, stale after the origin changed, a difference within the
/// allowed staleness, markers, validators, and the canary mode's file and URL changes.
@Suite("Cache probe")
struct CacheProbeTests {
    let site: CacheSite

    init() throws {
        site = try CacheSite.shared()
    }

    @Test func anEdgeThatMatchesTheOriginIsUp() async throws {
        let path = CacheSite.freshPath("long")
        try site.write("Welcome to Acme v1", at: path)
        try await site.prime(path)
        let result = try await site.probe(path)
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.statusCode == 200)
        #expect(result.reason.hasPrefix("HTTP 200 in"))
        #expect(result.reason.contains("; the edge matches the origin, Age "))
        #expect(result.checkID == "acme/www/cache")
    }

    @Test func anEdgeServingAnOldCopyBeyondTheAllowedStalenessIsStale() async throws {
        let path = CacheSite.freshPath("long")
        try site.write("v1", at: path)
        try await site.prime(path)
        try site.write("v2, longer", at: path)
        try await site.waitForAge(path, atLeast: 2)
        let result = try await site.probe(path, maxStaleness: .seconds(1))
        #expect(result.outcome == .degraded)
        #expect(result.failure == .staleContent)
        #expect(result.statusCode == 200)
        #expect(result.reason.hasPrefix("stale content: the edge differs from the origin beyond the 1 s allowed (its copy is "))
        #expect(result.reason.hasSuffix(" s old (Age)): the body differs (2 bytes at the edge, 10 at the origin)"))
    }

    @Test func aDifferenceWithinTheAllowedStalenessIsUpAndNamed() async throws {
        let path = CacheSite.freshPath("long")
        try site.write("v1", at: path)
        try await site.prime(path)
        try site.write("v2, longer", at: path)
        let result = try await site.probe(path, maxStaleness: .seconds(3600))
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.reason.contains("; the edge differs from the origin within the 1 h allowed (its copy is "))
    }

    @Test func aChangedETagWithTheSameBodyIsADifference() async throws {
        let path = CacheSite.freshPath("long")
        try site.write("same page", at: path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: site.file(path))
        try await site.prime(path)
        try site.write("same page", at: path)
        try await site.waitForAge(path, atLeast: 2)
        let result = try await site.probe(path, maxStaleness: .seconds(1))
        #expect(result.failure == .staleContent)
        #expect(result.reason.contains("): ETag \"6553f100-9\" at the edge, \""))
    }

    @Test func markersIgnoreWhatElseChangesAndCatchANewVersion() async throws {
        let path = CacheSite.freshPath("long")
        try site.write("build 41, served at 10:00:01", at: path)
        try await site.prime(path)
        try site.write("build 41, served at 10:00:02", at: path)
        try await site.waitForAge(path, atLeast: 2)
        #expect(try await site.probe(path, maxStaleness: .seconds(1)).failure == .staleContent)
        #expect(try await site.probe(path, maxStaleness: .seconds(1), comparison: .marker("build 41")).outcome == .up)
        #expect(try await site.probe(path, maxStaleness: .seconds(1), comparison: .pattern("build [0-9]+")).outcome == .up)

        try site.write("build 42, served at 10:00:03", at: path)
        let literal = try await site.probe(path, maxStaleness: .seconds(1), comparison: .marker("build 42"))
        #expect(literal.failure == .staleContent)
        #expect(literal.reason.hasSuffix(": the marker \"build 42\" shows at the origin only"))
        let pattern = try await site.probe(path, maxStaleness: .seconds(1), comparison: .pattern("build [0-9]+"))
        #expect(pattern.failure == .staleContent)
        #expect(pattern.reason.hasSuffix(": the pattern build [0-9]+ matches \"build 41\" at the edge, \"build 42\" at the origin"))
    }

    @Test func aCanaryFileSeenThroughAShortTTLIsUp() async throws {
        let path = CacheSite.freshPath("short")
        try site.write("old canary", at: path)
        try await site.prime(path)
        let canary = CacheCanary(change: .file(site.file(path)), within: .seconds(5))
        let result = try await site.probe(path, canary: canary)
        #expect(result.outcome == .up)
        #expect(result.failure == nil)
        #expect(result.reason.contains("; the edge showed the new canary "))
        #expect(result.reason.hasSuffix(" s after the change (5 s allowed)"))
        let served = try String(contentsOfFile: site.file(path), encoding: .utf8)
        #expect(served.hasPrefix("triage-canary-"))
    }

    @Test func aCanaryTheEdgeMissesByItsDeadlineIsStale() async throws {
        let path = CacheSite.freshPath("long")
        try site.write("old canary", at: path)
        try await site.prime(path)
        let started = ContinuousClock.now
        let canary = CacheCanary(change: .file(site.file(path)), within: .seconds(2))
        let result = try await site.probe(path, canary: canary)
        #expect(ContinuousClock.now - started >= .seconds(2))
        #expect(result.outcome == .degraded)
        #expect(result.failure == .staleContent)
        #expect(result.reason.hasPrefix("stale content: the edge still does not show the new canary 2 s after the origin changed (HTTP 200 in "))
        #expect(result.timings.total < 1, "the timings are one edge fetch's, not the wait")
    }

    @Test func aCanaryURLTakesTheTokenByPOST() async throws {
        let endpoint = try TestServers.require(TestServers.cacheCanaryURL, "TRIAGE_TEST_CACHE_CANARY_URL")
        let path = CacheSite.freshPath("short")
        try site.write("old canary", at: path)
        try await site.prime(path)
        let canary = CacheCanary(change: .url(URL(string: endpoint + path.dropFirst())!), within: .seconds(5))
        let result = try await site.probe(path, canary: canary)
        #expect(result.outcome == .up)
        #expect(result.reason.contains("; the edge showed the new canary "))
    }

    @Test func aCanaryURLThatRefusesTheTokenIsTheOriginsFault() async throws {
        let endpoint = try TestServers.require(TestServers.cacheCanaryURL, "TRIAGE_TEST_CACHE_CANARY_URL")
        let path = CacheSite.freshPath("short")
        try site.write("old canary", at: path)
        let refusing = URL(string: endpoint.replacingOccurrences(of: "/canary/", with: "/elsewhere"))!
        let result = try await site.probe(path, canary: CacheCanary(change: .url(refusing), within: .seconds(5)))
        #expect(result.outcome == .down)
        #expect(result.failure == .originDown)
        #expect(result.reason == "canary not changed: POST \(refusing.absoluteString) answered HTTP 404, expected 2xx")
    }

    @Test func aCanaryFileThatCannotBeWrittenSaysSo() async throws {
        let path = CacheSite.freshPath("short")
        try site.write("old canary", at: path)
        let missing = site.root + "/no-such-folder/canary.txt"
        let result = try await site.probe(path, canary: CacheCanary(change: .file(missing), within: .seconds(5)))
        #expect(result.outcome == .down)
        #expect(result.failure == .internalError)
        #expect(result.reason.hasPrefix("canary not changed: could not write the canary file \(missing): "))
    }
}
