import Foundation
import TriageCore

/// The store's side of reports: hour roll-ups of the probe results, so a month of a thousand
/// sites is read as 720 hours per check instead of 43 million results.
///
/// One watermark says how far every check is rolled up: the daemon (or a report catching up)
/// rolls up the hours after it, writes them and moves it in one transaction, so a crash never
/// leaves half an hour counted. Two roll-ups racing (the daemon and a report) cannot both write
/// the same hours: saving checks that the watermark is still where the roll-up started.
///
/// ```swift
/// let start = try await store.rollupWatermark() ?? firstHour
/// let saved = try await store.saveRollups(hours, from: start, to: start.addingTimeInterval(86_400))
/// let month = try await store.rollups(checkID: "acme/shop/home", from: from, to: to)
/// ```
public protocol ResultRollupStore: Sendable {
    /// Every hour before this instant is rolled up for every check; nil before the first roll-up.
    func rollupWatermark() async throws -> Date?

    /// When the oldest stored result started (about: the first one stored), where a first
    /// roll-up begins; nil without results.
    func firstResultTime() async throws -> Date?

    /// The last result of `checkID` that started before `instant`: the one still standing at it.
    func lastResult(checkID: String, before instant: Date) async throws -> ProbeResult?

    /// Writes `hours` (replacing any stored hour of the same check) and moves the watermark from
    /// `from` to `to`, in one transaction; writes nothing and returns false when the watermark is
    /// no longer `from` (another roll-up got there first), or `from` is nil and one exists.
    func saveRollups(_ hours: [HourRollup], from: Date?, to: Date) async throws -> Bool

    /// The stored hours of `checkID` in `[from, to)`, oldest first.
    func rollups(checkID: String, from: Date, to: Date) async throws -> [HourRollup]
}
