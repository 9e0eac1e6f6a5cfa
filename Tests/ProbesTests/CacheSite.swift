import CurlEngine
import Foundation
import Logging
import Probes
import TriageCore
import TriageTesting

/// One Varnish-and-origin pair of the cache test servers (scripts/servers/20-cache.sh): writes
/// pages into the origin's folder, primes the cache, and runs the cache probe against both sides.
struct CacheSite {
    let edge: String
    let origin: String
    let root: String
    let engine: CurlEngine

    /// The shared pair, which no test stops.
    static func shared() throws -> CacheSite {
        try CacheSite(
            edge: TestServers.require(TestServers.cacheEdge, "TRIAGE_TEST_CACHE_EDGE"),
            origin: TestServers.require(TestServers.cacheOrigin, "TRIAGE_TEST_CACHE_ORIGIN"),
            root: TestServers.require(TestServers.cacheOriginRoot, "TRIAGE_TEST_CACHE_ORIGIN_ROOT"),
            engine: CurlEngine(logger: Logger(label: "test"))
        )
    }

    /// The pair that the serialized fault suite stops and restarts.
    static func stoppable() throws -> CacheSite {
        try CacheSite(
            edge: TestServers.require(TestServers.stoppableEdge, "TRIAGE_TEST_CACHE_STOPPABLE_EDGE"),
            origin: TestServers.require(TestServers.stoppableOrigin, "TRIAGE_TEST_CACHE_STOPPABLE_ORIGIN"),
            root: TestServers.require(TestServers.stoppableRoot, "TRIAGE_TEST_CACHE_STOPPABLE_ROOT"),
            engine: CurlEngine(logger: Logger(label: "test"))
        )
    }

    /// A path under `prefix` (`long`, `short`, `graced`: the VCL's behaviours) that no other
    /// test uses, since a cached object outlives the test that made it.
    static func freshPath(_ prefix: String) -> String {
        "/\(prefix)/\(UUID().uuidString).txt"
    }

    /// Makes the origin serve `text` at `path`.
    func write(_ text: String, at path: String) throws {
        let file = URL(filePath: root + path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// The origin folder's file for `path`, for canary `file:`.
    func file(_ path: String) -> String { root + path }

    /// Fetches `path` through the cache, so it caches the origin's current page.
    @discardableResult
    func prime(_ path: String) async throws -> CurlResponse {
        try await engine.perform(CurlRequest(url: edge + path, timeout: .seconds(5)))
    }

    /// Polls the edge until its copy of `path` is at least `seconds` old (Varnish's `Age`), so a
    /// test knows its TTL ran out or that the copy is older than a staleness limit.
    func waitForAge(_ path: String, atLeast seconds: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds + 10)
        while ContinuousClock.now < deadline {
            let age = try await prime(path).header("Age").flatMap { Int($0) } ?? 0
            if age >= seconds { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CacheSiteError(message: "the edge's copy of \(path) never reached Age \(seconds)")
    }

    /// A cache check of `path` on both sides.
    func check(_ path: String, maxStaleness: Duration = .seconds(60), comparison: CacheComparison = .body,
               canary: CacheCanary? = nil, timeout: Duration = .seconds(10)) -> (CacheCheckSpec, Check) {
        let spec = CacheCheckSpec(
            edge: URL(string: edge + path)!, origin: URL(string: origin + path)!, comparison: comparison,
            maxStaleness: maxStaleness, canary: canary
        )
        let check = Check(
            targetID: "acme/www", customer: "acme", name: "cache", spec: .cache(spec), interval: .seconds(60),
            timeout: timeout, detection: .standard
        )
        return (spec, check)
    }

    /// Runs the cache probe once against `path`.
    func probe(_ path: String, maxStaleness: Duration = .seconds(60), comparison: CacheComparison = .body,
               canary: CacheCanary? = nil, timeout: Duration = .seconds(10)) async throws -> ProbeResult {
        let (spec, check) = check(path, maxStaleness: maxStaleness, comparison: comparison, canary: canary, timeout: timeout)
        return try await CacheProbe(engine: engine, clock: SystemClock()).run(spec, for: check)
    }
}

struct CacheSiteError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
