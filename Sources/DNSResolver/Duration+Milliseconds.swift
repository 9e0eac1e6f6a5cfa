/// Durations in the units c-ares, `poll` and the responses use.
extension Duration {
    /// Whole milliseconds, rounded down, as c-ares and `poll` take them.
    var wholeMilliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }

    /// Seconds with their fraction, as `DNSResponse.duration` reports them.
    var fractionalSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
