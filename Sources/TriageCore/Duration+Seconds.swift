import Foundation

extension Duration {
    /// The duration as a floating-point number of seconds, for interop with `Date` and libcurl timings.
    public var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration from a floating-point number of seconds.
    public static func seconds(double value: Double) -> Duration {
        .nanoseconds(Int64((value * 1e9).rounded()))
    }
}

extension Date {
    /// This instant moved by `duration`.
    public func adding(_ duration: Duration) -> Date {
        addingTimeInterval(duration.inSeconds)
    }
}

extension Duration {
    /// The duration as a person reads it in a reason or a summary: `30 s`, `1.5 s`, `5 min`, `2 h`.
    public var inWords: String {
        let seconds = inSeconds
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds.fixed(decimals: 1)) s"
    }
}

extension Double {
    /// The number with exactly `decimals` fraction digits (`0.004` → `"0.004"`), by integer
    /// arithmetic: cheap enough for every probe's reason, unlike `String(format:)`.
    public func fixed(decimals: Int) -> String {
        guard isFinite else { return description }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(self) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        let padded = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        let sign = self < 0 && scaled != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(scaled)" : "\(sign)\(scaled / scale).\(padded)"
    }
}
