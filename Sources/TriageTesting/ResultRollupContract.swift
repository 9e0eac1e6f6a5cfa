import Foundation
import TicketStore
import TriageCore

/// The promises every `ResultRollupStore` backend keeps: hours and days stored exactly and read by
/// check, span and range, the slowest hours ranked, a watermark that moves only from where it is,
/// where a first roll-up starts, and the results of many ranges read at once.
///
/// ```swift
/// @Test(arguments: ResultRollupContract.all)
/// func rollups(name: String, run: @Sendable (ResultRollupContract.StoreFactory) async throws -> Void) async throws {
///     try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
/// }
/// ```
public enum ResultRollupContract {
    public typealias Store = any TicketStore & ResultRollupStore
    /// Makes a new, empty, unmigrated store.
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> Store
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    public static let all: [Check] = [
        ("hours and days round trip, read by check, span and [from, to), oldest first", hoursRoundTrip),
        ("several checks' roll-ups in one read, by check then start, within [from, to)", severalChecksInOneRead),
        ("the slowest hours are ranked by p95, ties by start", slowestHoursAreRanked),
        ("the watermark moves only from where it is", watermarkComparesAndSets),
        ("saving an hour again replaces it", savingAgainReplaces),
        ("the first result's time", firstResultTime),
        ("results of many ranges, each its own [from, to) of its check, in the ranges' order", resultsOfManyRanges),
    ]

    static let hour = Rollup.hour(of: Date(timeIntervalSince1970: 1_800_000_000))

    static func migrated(_ makeStore: StoreFactory) async throws -> Store {
        let store = try await makeStore(TestClock())
        try await store.migrate()
        return store
    }

    static func rollup(_ checkID: String, hourOffset: Int, up: Double, latencies: [Double] = []) -> Rollup {
        var latency = LatencyHistogram()
        for seconds in latencies { latency.record(seconds) }
        return Rollup(
            checkID: checkID, start: hour.addingTimeInterval(Double(hourOffset) * 3600),
            availability: Availability(up: up, degraded: 1.5, down: 3600 - up - 101.5, maintenance: 60, unknown: 40),
            probes: 60, failures: 3, latency: latency
        )
    }

    public static func hoursRoundTrip(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        let shop = (0..<3).map { rollup("acme/shop/http", hourOffset: $0, up: 3000 + Double($0), latencies: [0.1, 0.25, 3]) }
        let blog = rollup("acme/blog/http", hourOffset: 1, up: 10)
        let day = Rollup(checkID: "acme/shop/http", day: Rollup.day(of: hour), hours: shop)
        try Expect.that(
            try await store.saveRollups(shop.reversed() + [blog, day], from: nil, to: hour.addingTimeInterval(3 * 3600)), "a first save"
        )
        try Expect.equal(
            try await store.rollups(checkID: "acme/shop/http", span: .day, from: Rollup.day(of: hour), to: hour.addingTimeInterval(86_400)),
            [day], "the day"
        )
        try Expect.equal(try await store.rollups(checkID: "acme/shop/http", span: .hour, from: hour, to: hour.addingTimeInterval(3 * 3600)), shop, "every hour")
        try Expect.equal(
            try await store.rollups(checkID: "acme/shop/http", span: .hour, from: hour.addingTimeInterval(3600), to: hour.addingTimeInterval(2 * 3600)),
            [shop[1]], "the hours in [from, to)"
        )
        try Expect.equal(try await store.rollups(checkID: "acme/blog/http", span: .hour, from: hour, to: hour.addingTimeInterval(86_400)), [blog], "one check's")
        try Expect.equal(try await store.rollups(checkID: "acme/none/http", span: .hour, from: hour, to: hour.addingTimeInterval(86_400)), [], "an unknown check's")
    }

    public static func severalChecksInOneRead(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        let shop = (0..<3).map { rollup("acme/shop/http", hourOffset: $0, up: 100 + Double($0), latencies: [0.2]) }
        let blog = (0..<2).map { rollup("acme/blog/http", hourOffset: $0, up: 10 + Double($0)) }
        let other = rollup("beta/www/http", hourOffset: 0, up: 5)
        let day = Rollup(checkID: "acme/shop/http", day: Rollup.day(of: hour), hours: shop)
        try Expect.that(try await store.saveRollups(shop + blog + [other, day], from: nil, to: hour.addingTimeInterval(3 * 3600)), "the save")
        let read = try await store.rollups(
            checkIDs: ["acme/shop/http", "acme/blog/http", "acme/none/http"], span: .hour, from: hour.addingTimeInterval(3600),
            to: hour.addingTimeInterval(3 * 3600)
        )
        try Expect.equal(read, [blog[1], shop[1], shop[2]], "the hours of the checks asked, in [from, to), by check then start")
        try Expect.equal(try await store.rollups(checkIDs: [], span: .hour, from: hour, to: hour.addingTimeInterval(86_400)), [], "no check")
    }

    public static func slowestHoursAreRanked(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        let hours = [
            rollup("a/b/c", hourOffset: 0, up: 1, latencies: [0.1]), rollup("a/b/c", hourOffset: 1, up: 1, latencies: [2]),
            rollup("a/b/c", hourOffset: 2, up: 1), rollup("a/b/c", hourOffset: 3, up: 1, latencies: [0.5]),
            rollup("a/b/c", hourOffset: 4, up: 1, latencies: [2]), rollup("a/b/d", hourOffset: 0, up: 1, latencies: [9]),
        ]
        try Expect.that(try await store.saveRollups(hours, from: nil, to: hour.addingTimeInterval(5 * 3600)), "the save")
        let slowest = try await store.slowestHours(checkID: "a/b/c", from: hour, to: hour.addingTimeInterval(4 * 3600), limit: 3)
        try Expect.equal(slowest, [hours[1], hours[3], hours[0]], "slowest first, within the range, hours without times left out")
        let tie = try await store.slowestHours(checkID: "a/b/c", from: hour, to: hour.addingTimeInterval(5 * 3600), limit: 2)
        try Expect.equal(tie, [hours[1], hours[4]], "ties by start")
    }

    public static func watermarkComparesAndSets(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        let first = hour.addingTimeInterval(3600), second = hour.addingTimeInterval(7200)
        try Expect.equal(try await store.rollupWatermark(), nil, "the watermark before any roll-up")
        try Expect.that(try await store.saveRollups([rollup("a/b/c", hourOffset: 0, up: 1)], from: nil, to: first), "the first save")
        try Expect.equal(try await store.rollupWatermark(), first, "the watermark after the first save")
        let late = rollup("a/b/c", hourOffset: 0, up: 2)
        try Expect.that(!(try await store.saveRollups([late], from: nil, to: first)), "a second first save is refused")
        try Expect.that(!(try await store.saveRollups([late], from: hour, to: second)), "a save from the wrong watermark is refused")
        try Expect.equal(
            try await store.rollups(checkID: "a/b/c", span: .hour, from: hour, to: second).map(\.availability.up), [1], "a refused save writes nothing"
        )
        try Expect.that(try await store.saveRollups([], from: first, to: second), "a save from the watermark")
        try Expect.equal(try await store.rollupWatermark(), second, "the watermark after the second save")
    }

    public static func savingAgainReplaces(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        let end = hour.addingTimeInterval(3600)
        try Expect.that(try await store.saveRollups([rollup("a/b/c", hourOffset: 0, up: 1)], from: nil, to: end), "the first save")
        try Expect.that(try await store.saveRollups([rollup("a/b/c", hourOffset: 0, up: 7)], from: end, to: end), "the second save")
        try Expect.equal(try await store.rollups(checkID: "a/b/c", span: .hour, from: hour, to: end).map(\.availability.up), [7], "the hour saved last")
    }

    public static func firstResultTime(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        try Expect.equal(try await store.firstResultTime(), nil, "the first result's time without results")
        func result(_ seconds: Double, _ checkID: String = "a/b/c") -> ProbeResult {
            ProbeResult(checkID: checkID, startedAt: hour.addingTimeInterval(seconds), outcome: .up, reason: "HTTP 200")
        }
        try await store.record([result(0), result(60), result(120, "a/b/d")])
        try await store.record([result(180)])
        try Expect.equal(try await store.firstResultTime(), hour, "the first result's time")
    }

    /// Each range gets exactly what `results(checkID:from:to:)` would give it, in the order of the
    /// ranges asked (not of the checks or times), overlapping and empty ranges included.
    public static func resultsOfManyRanges(_ makeStore: StoreFactory) async throws {
        let store = try await migrated(makeStore)
        func result(_ seconds: Double, _ checkID: String, _ outcome: ProbeOutcome = .up) -> ProbeResult {
            ProbeResult(checkID: checkID, startedAt: hour.addingTimeInterval(seconds), outcome: outcome, reason: "HTTP \(Int(seconds))")
        }
        try await store.record([result(0, "a/b/c"), result(60, "a/b/d", .down), result(60.5, "a/b/c", .down), result(120, "a/b/c")])
        try await store.record([result(119.999, "a/b/d"), result(180, "a/b/c")])
        func range(_ checkID: String, _ from: Double, _ to: Double) -> ResultRange {
            ResultRange(checkID: checkID, from: hour.addingTimeInterval(from), to: hour.addingTimeInterval(to))
        }
        let ranges = [
            range("a/b/c", 60.5, 180), range("a/b/d", 0, 3600), range("a/b/c", 0, 61), range("a/b/x", 0, 3600), range("a/b/c", 181, 240),
        ]
        let read = try await store.results(in: ranges)
        try Expect.equal(read.map { $0.map(\.reason) }, [["HTTP 60", "HTTP 120"], ["HTTP 60", "HTTP 119"], ["HTTP 0", "HTTP 60"], [], []], "each range's results")
        for (range, results) in zip(ranges, read) {
            try Expect.equal(
                results, try await store.results(checkID: range.checkID, from: range.from, to: range.to), "\(range) read alone"
            )
        }
        try Expect.equal(try await store.results(in: []).count, 0, "no ranges")
    }
}
