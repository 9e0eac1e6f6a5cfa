import TriageCore

/// The seam for notification channels: one type per kind, each in its own file, listed in
/// ``NotifierRegistry``.
///
/// A notifier sends one notification and returns once the receiver accepted it; it throws
/// ``DeliveryFailure`` otherwise, and the delivery service retries later with the same
/// idempotency key. It never retries by itself: retries, backoff and "one channel down does not
/// block the others" belong to the service.
///
/// ```swift
/// struct WebhookNotifier: Notifier {
///     func send(_ notification: TicketNotification, idempotencyKey: String) async throws { ... }
/// }
/// ```
public protocol Notifier: Sendable {
    func send(_ notification: TicketNotification, idempotencyKey: String) async throws
}

/// Why a channel did not take a notification, in words for the delivery's `lastError` and the log.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var channel: String
    public var message: String

    public init(channel: String, message: String) {
        self.channel = channel
        self.message = message
    }

    public var description: String { "channel \(channel): \(message)" }
}
