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
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
