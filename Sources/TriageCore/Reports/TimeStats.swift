/// A summary of durations in seconds: how many, their mean, and the median and 90th percentile
/// by nearest rank (the smallest sample with at least that share of samples at or below it), so
/// every figure is a time that really happened.
public struct TimeStats: Sendable, Hashable, Encodable {
    public var count: Int
    public var mean: Double
    public var p50: Double
    public var p90: Double

    /// Nil without samples: "no ticket was taken" is not "taken in 0 s".
    public init?(_ samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(sorted.count)
        p50 = Self.nearestRank(0.5, of: sorted)
        p90 = Self.nearestRank(0.9, of: sorted)
    }

    static func nearestRank(_ share: Double, of sorted: [Double]) -> Double {
        let rank = Int((share * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
