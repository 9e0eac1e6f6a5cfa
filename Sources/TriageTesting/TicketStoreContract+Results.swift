import Foundation
import TicketStore
import TriageCore

/// Probe results: stored exactly, read by check and time range, pruned by age.
extension TicketStoreContract {
    /// Every field comes back as written (absent ones stay absent), oldest first, one check only.
    public static func resultsRoundTrip(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let start = clock.now
        let down = ProbeResult(
            checkID: "acme/www/http", startedAt: start.addingTimeInterval(0.25), outcome: .down,
            failure: .serverError, reason: "HTTP 502 Bad Gateway", statusCode: 502,
            timings: PhaseTimings(dns: 0.0012, connect: 0.0105, tls: 0.0421, firstByte: 0.3, total: 0.3333),
            bytesRead: 512
        )
        let up = ProbeResult(
            checkID: "acme/www/http", startedAt: start.addingTimeInterval(60.5), outcome: .up,
            reason: "HTTP 200 OK", statusCode: 200,
            timings: PhaseTimings(dns: 0.001, connect: 0.002, tls: 0.003, firstByte: 0.004, total: 0.005),
            bytesRead: 1 << 20, certificateExpiresAt: start.addingTimeInterval(20 * 86_400)
        )
        let refused = ProbeResult(
            checkID: "acme/www/http", startedAt: start.addingTimeInterval(30), outcome: .down,
            failure: .connectionRefused, reason: "connection refused"
        )
        let slow = ProbeResult(
            checkID: "globex/shop/http", startedAt: start.addingTimeInterval(1), outcome: .degraded, failure: .timeout,
            reason: "loaded in 12.5 s", statusCode: 200, timings: PhaseTimings(total: 12.5), bytesRead: 42
        )
        try await store.record([up, slow, down])
        try await store.record([refused])
        try await store.record([])
        let read = try await store.results(checkID: "acme/www/http", from: start, to: start.addingTimeInterval(3600))
        try Expect.equal(read, [down, refused, up], "results of acme/www/http")
        let other = try await store.results(
            checkID: "globex/shop/http", from: start, to: start.addingTimeInterval(3600)
        )
        try Expect.equal(other, [slow], "results of globex/shop/http")
    }

    /// The range includes `from` and excludes `to`, to the millisecond.
    public static func resultsTimeRange(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let from = clock.now
        let to = from.addingTimeInterval(60)
        let offsets: [TimeInterval] = [-0.001, 0, 30, 59.999, 60]
        let results = offsets.map { offset in
            ProbeResult(
                checkID: "acme/www/http", startedAt: from.addingTimeInterval(offset), outcome: .up,
                reason: "HTTP 200 OK"
            )
        }
        try await store.record(results)
        let read = try await store.results(checkID: "acme/www/http", from: from, to: to)
        try Expect.equal(
            read.map { $0.startedAt.timeIntervalSince(from) }.map { ($0 * 1000).rounded() }, [0, 30_000, 59_999],
            "milliseconds after `from` of the results read in [from, to)"
        )
    }

    /// Each check's newest result in [from, to), all in one call: a newer result after `to` and an
    /// older one before `from` are not taken, and a check with nothing in range has no entry.
    public static func latestResultsPerCheck(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let from = clock.now
        let to = from.addingTimeInterval(60)
        func result(_ checkID: String, _ offset: TimeInterval, _ outcome: ProbeOutcome = .up) -> ProbeResult {
            ProbeResult(checkID: checkID, startedAt: from.addingTimeInterval(offset), outcome: outcome, reason: "at \(offset)")
        }
        try await store.record([
            result("acme/www/http", 10), result("acme/www/http", 50, .down), result("acme/www/http", 60),
            result("globex/shop/http", -1), result("globex/shop/http", 0),
            result("initech/old/http", -5),
        ])
        let ids = ["acme/www/http", "globex/shop/http", "initech/old/http", "unknown/site/http"]
        let latest = try await store.latestResults(checkIDs: ids, from: from, to: to)
        try Expect.equal(
            latest.mapValues(\.reason), ["acme/www/http": "at 50.0", "globex/shop/http": "at 0.0"],
            "newest result per check in [from, to)"
        )
        try Expect.equal(latest["acme/www/http"]?.outcome, .down, "the newest result's outcome")
        try Expect.equal(try await store.latestResults(checkIDs: [], from: from, to: to).count, 0, "no checks asked")
    }

    /// Pruning deletes exactly the results older than the cutoff, of every check, and counts them.
    public static func pruneDeletesOlderResults(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await migratedStore(makeStore, clock: clock)
        let start = clock.now
        var results: [ProbeResult] = []
        for checkID in ["acme/www/http", "globex/shop/http"] {
            for minute in 0..<10 {
                results.append(
                    ProbeResult(
                        checkID: checkID, startedAt: start.addingTimeInterval(Double(minute) * 60), outcome: .up,
                        reason: "HTTP 200 OK"
                    )
                )
            }
        }
        try await store.record(results)
        let cutoff = start.addingTimeInterval(4 * 60)
        try Expect.equal(try await store.pruneResults(before: cutoff), 8, "results pruned before minute 4")
        try Expect.equal(try await store.pruneResults(before: cutoff), 0, "results pruned again at the same cutoff")
        let end = start.addingTimeInterval(3600)
        for checkID in ["acme/www/http", "globex/shop/http"] {
            let left = try await store.results(checkID: checkID, from: start, to: end)
            let expected = (4..<10).map { start.addingTimeInterval(Double($0) * 60) }
            try Expect.equal(left.map(\.startedAt), expected, "start times of the results of \(checkID) kept")
        }
    }
}
