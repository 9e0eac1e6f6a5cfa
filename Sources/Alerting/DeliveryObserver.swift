/// Told of every delivery attempt's outcome, so metrics stay out of the alerting loop: the
/// composition root passes one in. Called on the sending task; it must be quick.
///
/// ```swift
/// struct Printer: DeliveryObserver {
///     func attempted(channel: String, delivered: Bool) { print(channel, delivered) }
/// }
/// ```
public protocol DeliveryObserver: Sendable {
    /// One attempt to `channel` ended: `delivered`, or failed (it will be retried).
    func attempted(channel: String, delivered: Bool)
}
