import Foundation
import TriageCore

/// The store's side of reports: hour and day roll-ups of the probe results, so a month of a
/// thousand sites is read as 30 days per check instead of 43 million results.
///
/// One watermark says how far every check is rolled up: the daemon (or a report catching up)
/// rolls up the hours after it, writes them and moves it in one transaction, so a crash never
/// leaves half an hour counted. Two roll-ups racing (the daemon and a report) cannot both write
/// the same hours: saving checks that the watermark is still where the roll-up started.
///
/// ```swift
/// let start = try await store.rollupWatermark() ?? firstHour
/// let saved = try await store.saveRollups(hours, from: start, to: start.addingTimeInterval(86_400))
/// let month = try await store.rollups(checkID: "acme/shop/home", span: .day, from: from, to: to)
/// ```
public protocol ResultRollupStore: Sendable {
    /// Every hour before this instant is rolled up for every check; nil before the first roll-up.
    func rollupWatermark() async throws -> Date?

    /// When the oldest stored result started (about: the first one stored), where a first
    /// roll-up begins; nil without results.
    func firstResultTime() async throws -> Date?

    /// Writes `rollups`, hours and days (replacing any stored one of the same check, span and
    /// start), and moves the watermark from `from` to `to`, in one transaction; writes nothing and
    /// returns false when the watermark is no longer `from` (another roll-up got there first), or
    /// `from` is nil and one exists.
    func saveRollups(_ rollups: [Rollup], from: Date?, to: Date) async throws -> Bool

    /// The stored roll-ups of `checkID` and `span` starting in `[from, to)`, oldest first.
    func rollups(checkID: String, span: Rollup.Span, from: Date, to: Date) async throws -> [Rollup]

    /// The stored roll-ups of every check of `checkIDs` and `span` starting in `[from, to)`, by
    /// check then oldest first: one read for a page of the dashboard's site board (a sparkline
    /// per check) instead of one per check.
    func rollups(checkIDs: [String], span: Rollup.Span, from: Date, to: Date) async throws -> [Rollup]

    /// The `limit` stored hours of `checkID` starting in `[from, to)` with the highest p95 of
    /// response time, slowest first: the slowest hours of a period the report reads as days.
    func slowestHours(checkID: String, from: Date, to: Date, limit: Int) async throws -> [Rollup]

    /// The stored results of each range, as `results(checkID:from:to:)` reads one, in the order of
    /// `ranges`: a report reads the partial edge hours of thousands of incidents, and one read per
    /// edge cost more in round trips and transactions than in rows.
    func results(in ranges: [ResultRange]) async throws -> [[ProbeResult]]
}

/// A stored roll-up that cannot be read back: the read fails, naming the check and the start,
/// rather than reporting a silent zero.
public struct RollupReadError: Error, CustomStringConvertible {
    public var checkID: String
    public var start: Date
    public var problem: String

    public init(checkID: String, start: Date, problem: String) {
        self.checkID = checkID
        self.start = start
        self.problem = problem
    }

    public var description: String {
        "the roll-up of \(checkID) starting \(start) is damaged (\(problem)); delete the check's rows of result_rollups "
            + "and the row of rollup_watermark, and it is rolled up again from the results still kept"
    }
}
