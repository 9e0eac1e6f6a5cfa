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
