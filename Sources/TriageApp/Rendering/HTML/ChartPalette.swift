import TriageCore

/// The report's colours, in one place so charts, legends and tables agree, chosen to stay
/// apart when printed in grey (lightness differs, not only hue).
public enum ChartPalette {
    /// No observation: grey, never a colour that reads as good or bad.
    public static let unknown = "#c8c8c8"
    public static let axis = "#555555"
    public static let grid = "#e3e3e3"

    public static func code(_ code: TriageCode) -> String {
        switch code {
        case .red: "#c62828"
        case .yellow: "#f9a825"
        case .green: "#2e7d32"
        case .white: "#f4f4f4"
        }
    }

    /// The uptime classes of the day grid, best first: lower bound and colour.
    public static let uptimeBands: [(atLeast: Double, label: String, colour: String)] = [
        (0.999, "≥ 99.9%", "#1b7a3a"),
        (0.99, "≥ 99%", "#7cc46f"),
        (0.95, "≥ 95%", "#f2c037"),
        (0, "< 95%", "#c62828"),
    ]

    /// The colour of a day with uptime `share`, grey when nothing was observed.
    public static func uptime(_ share: Double?) -> String {
        guard let share else { return unknown }
        return uptimeBands.first { share >= $0.atLeast }?.colour ?? uptimeBands[uptimeBands.count - 1].colour
    }

    /// p50, p95, p99: darker for the rarer, slower probes.
    public static let percentiles = ["#64b5f6", "#1e63b5", "#0b2a5b"]

    /// Deadline outcomes in the order a stacked bar shows them.
    public static let met = "#2e7d32"
    public static let breached = "#c62828"
    public static let moot = "#90a4ae"
    public static let pending = "#e0e0e0"
}
