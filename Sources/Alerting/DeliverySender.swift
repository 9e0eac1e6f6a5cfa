import Foundation
import Logging
import Notifiers
import TicketStore
import TriageCore

/// Sends one claimed delivery through its channel and records the outcome: delivered, or failed
/// with the channel's words and a retry after the settings' doubling delay. A failure is a
/// result, not an error: the next attempt is already planned when this returns.
public struct DeliverySender: Sendable {
    let outbox: any NotificationOutbox
    let notifiers: NotifierRegistry
    let settings: NotifySettings
    let clock: any TriageClock
    let logger: Logger
    let observer: (any DeliveryObserver)?

    public init(
        outbox: any NotificationOutbox, notifiers: NotifierRegistry, settings: NotifySettings, clock: any TriageClock,
        logger: Logger, observer: (any DeliveryObserver)? = nil
    ) {
        self.observer = observer
        self.outbox = outbox
        self.notifiers = notifiers
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// Sends `delivery` once; returns whether it reached its channel.
    @discardableResult
    public func send(_ delivery: PendingDelivery) async -> Bool {
        let ticket = delivery.notification.ticket
        var metadata: Logger.Metadata = [
            "notify.channel": "\(delivery.channel)", "ticket.id": "\(ticket.id)",
            "event.kind": "\(delivery.notification.event.kind.rawValue)", "delivery.attempt": "\(delivery.attempts + 1)",
        ]
        do {
            try await notifiers.send(delivery.notification, to: delivery.channel)
            try await outbox.recordDelivered(delivery.id, at: clock.now)
            observer?.attempted(channel: delivery.channel, delivered: true)
            logger.debug("notify.delivered", metadata: metadata)
            return true
        } catch {
            let message = (error as? DeliveryFailure)?.message ?? "\(error)"
            observer?.attempted(channel: delivery.channel, delivered: false)
            let delay = settings.retryDelay(afterAttempts: delivery.attempts + 1)
            metadata["error"] = "\(message)"
            metadata["delivery.retry_in"] = "\(delay.inWords)"
            logger.warning("notify.delivery_failed", metadata: metadata)
            do {
                try await outbox.recordFailedDelivery(delivery.id, error: message, retryAt: clock.now.adding(delay))
            } catch {
                // The lease still ends: the delivery comes due again then, so nothing is lost.
                logger.error("notify.record_failed", metadata: ["error": "\(error)", "delivery.id": "\(delivery.id)"])
            }
            return false
        }
    }
}
