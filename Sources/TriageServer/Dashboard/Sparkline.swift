import Foundation
import TriageCore

/// A check's response times over the last 24 hours as a tiny SVG line: the median of each hour
/// its roll-ups recorded (hours without an answer leave a gap in time, not a zero). The points
/// are computed here, so the template writes numbers only.
struct Sparkline {
    static let width = 120.0
    static let height = 24.0
    static let hours = 24

    /// `x,y x,y ...` for the SVG polyline.
    var points: String
    /// The slowest and latest medians, for the line's tooltip.
    var summary: String

    /// Nil with fewer than two hours that have response times: one point draws no line.
    init?(hours rollups: [Rollup], endingAt now: Date) {
        let first = Self.window(endingAt: now).lowerBound
        let medians = rollups.compactMap { rollup in rollup.latency.percentile(0.5).map { (rollup.start, $0) } }
        guard medians.count >= 2, let slowest = medians.map(\.1).max(), let latest = medians.last?.1 else { return nil }
        let scale = slowest > 0 ? slowest : 1
        points = medians.map { start, seconds in
            let x = start.timeIntervalSince(first) / 3600 / Double(Self.hours - 1) * Self.width
            let y = Self.height - seconds / scale * (Self.height - 2) - 1
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        summary = String(format: "median per hour, last 24 h: latest %.0f ms, slowest %.0f ms", latest * 1000, slowest * 1000)
    }

    /// The hours a sparkline covers: the current hour and the 23 before it.
    static func window(endingAt now: Date) -> Range<Date> {
        Rollup.hour(of: now).addingTimeInterval(-Double(hours - 1) * 3600)..<now.addingTimeInterval(1)
    }
}
