import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Probes
import Testing
import TriageCore
import TriageTesting

/// Where the fault is, with real servers stopped: the stoppable Varnish and origin of
/// scripts/servers/20-cache.sh, which only this suite stops. Serialized, and each test starts
/// both first and again last, so a failed test leaves nothing stopped for the next one.
@Suite("Cache faults", .serialized)
struct CacheFaultTests {
    let site: CacheSite

    init() throws {
        site = try CacheSite.stoppable()
    }

    /// Runs the cache servers' control script (`start|stop NAME`), failing the test when it
    /// fails. Spawned and reaped by hand: Foundation's `Process` was seen to leave the script
    /// unreaped, and its termination never reported, inside a test task.
    func control(_ action: String, _ name: String) async throws {
        let script = try TestServers.require(TestServers.cacheControl, "TRIAGE_TEST_CACHE_CONTROL")
        let words: [String] = [script, action, name]
        let arguments = words.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, script, nil, nil, arguments + [nil], environ)
        guard spawned == 0 else { throw CacheSiteError(message: "control \(action) \(name) could not start: errno \(spawned)") }
        let deadline = ContinuousClock.now + .seconds(60)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard ContinuousClock.now < deadline else { throw CacheSiteError(message: "control \(action) \(name) did not end in 60 s") }
            try await Task.sleep(for: .milliseconds(20))
        }
        let exited = status & 0x7f == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            throw CacheSiteError(message: "control \(action) \(name) failed (wait status \(status))")
        }
    }

    @Test func aStoppedVarnishInFrontOfAHealthyOriginIsCacheDown() async throws {
        try await control("start", "all")
        let path = CacheSite.freshPath("short")
        try site.write("Welcome to Acme", at: path)
        try await control("stop", "varnish-stoppable")
        let result = try await site.probe(path)
        try await control("start", "all")
        #expect(result.outcome == .down)
        #expect(result.failure == .cacheDown)
        #expect(result.statusCode == nil)
        #expect(result.reason.hasPrefix("cache down, origin up: edge: connection refused; origin: HTTP 200 in "))
    }

    @Test func aStoppedOriginBehindAGracedCopyIsOriginDown() async throws {
        try await control("start", "all")
        let graced = CacheSite.freshPath("graced")
        try site.write("Welcome to Acme", at: graced)
        try await site.prime(graced)
        let uncached = CacheSite.freshPath("short")
        try site.write("never fetched through the cache", at: uncached)
        try await control("stop", "origin-stoppable")
        try await site.waitForAge(graced, atLeast: 2)
        let servedStale = try await site.probe(graced)
        let nothingToServe = try await site.probe(uncached)
        try await control("start", "all")

        #expect(servedStale.outcome == .down)
        #expect(servedStale.failure == .originDown)
        #expect(servedStale.statusCode == 200)
        #expect(servedStale.reason.hasPrefix("origin down: connection refused; the edge still serves its copy: HTTP 200 in "))
        #expect(servedStale.reason.contains(" s, Age "))

        #expect(nothingToServe.failure == .cacheAndOriginDown)
        #expect(nothingToServe.statusCode == 503)
        #expect(nothingToServe.reason == "cache and origin down: edge: HTTP 503, expected 2xx or 3xx; origin: connection refused")
    }

    @Test func bothStoppedIsCacheAndOriginDown() async throws {
        try await control("start", "all")
        let path = CacheSite.freshPath("short")
        try await control("stop", "varnish-stoppable")
        try await control("stop", "origin-stoppable")
        let result = try await site.probe(path)
        try await control("start", "all")
        #expect(result.outcome == .down)
        #expect(result.failure == .cacheAndOriginDown)
        #expect(result.reason == "cache and origin down: edge: connection refused; origin: connection refused")
    }

    @Test func theRestartedPairIsHealthyAgain() async throws {
        try await control("stop", "varnish-stoppable")
        try await control("stop", "origin-stoppable")
        try await control("start", "all")
        let path = CacheSite.freshPath("short")
        try site.write("Welcome back", at: path)
        let result = try await site.probe(path)
        #expect(result.outcome == .up)
        #expect(result.reason.contains("; the edge matches the origin"))
    }
}
