/// Durations as admins write them: `500ms`, `30s`, `5m`, `24h`, `4d`, `1w`, or a sum such as `1h30m`.
///
/// Whole numbers only, so `1.5h` is written `1h30m` and no duration goes through floating point.
/// A leading `-` is read (and then refused by the range check with a clear message) rather than
/// reported as "not a duration", which would hide what is really wrong.
enum DurationSyntax {
    /// Each unit and its length in milliseconds, longest suffix first so `ms` wins over `m`.
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000),
    ]

    /// The duration written in `text`, or nil when it is not one (no unit, unknown unit, overflow).
    static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        if rest == "0" { return .zero }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0 >= "0" && $0 <= "9" }
            guard !digits.isEmpty, digits.count <= 12, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let suffix = rest.prefix { $0 >= "a" && $0 <= "z" }
            guard let unit = units.first(where: { $0.suffix == suffix }) else { return nil }
            rest = rest.dropFirst(suffix.count)
            let (part, overflowed) = number.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, overflowedSum) = total.addingReportingOverflow(part)
            guard !overflowed, !overflowedSum else { return nil }
            total = sum
        }
        return .milliseconds(negative ? -total : total)
    }

    /// The duration in the same syntax (`1h30m`, `120s`, `500ms`, `0s`), so a message shows a
    /// value the admin can paste back into the file. Below five minutes it stays in seconds, as
    /// timeouts are usually written (`120s` rather than `2m`).
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var milliseconds = seconds * 1_000 + attoseconds / 1_000_000_000_000_000
        guard milliseconds != 0 else { return "0s" }
        let sign = milliseconds < 0 ? "-" : ""
        milliseconds = abs(milliseconds)
        let largeUnits: [(String, Int64)] = milliseconds < 300_000 ? [] : [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000)]
        var text = ""
        for (suffix, size) in largeUnits + [("s", 1_000), ("ms", 1)] {
            let count = milliseconds / size
            if count > 0 { text += "\(count)\(suffix)" }
            milliseconds %= size
        }
        return sign + text
    }
}
