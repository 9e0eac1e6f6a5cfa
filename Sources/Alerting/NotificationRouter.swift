import Foundation
import TicketStore
import TriageCore

/// Turns new ticket events into queued deliveries: reads the events after the outbox's cursor,
/// asks the routing which channels hear of each, and queues them with the cursor move in one
/// store transaction. An event no route matches still moves the cursor, so it is read once.
public struct NotificationRouter: Sendable {
    let outbox: any NotificationOutbox
    let routing: NotificationRouting
    let clock: any TriageClock
    /// Events read per transaction.
    let batchSize: Int

    public init(outbox: any NotificationOutbox, routing: NotificationRouting, clock: any TriageClock, batchSize: Int = 500) {
        self.outbox = outbox
        self.routing = routing
        self.clock = clock
        self.batchSize = batchSize
    }

    /// Routes every event written so far; returns the deliveries queued.
    @discardableResult
    public func routeAll() async throws -> Int {
        var queued = 0
        while true {
            let batch = try await outbox.unroutedNotifications(limit: batchSize)
            guard let through = batch.throughEventID else { return queued }
            let deliveries = batch.notifications.flatMap { notification in
                routing.channels(for: notification).map { QueuedDelivery(eventID: notification.eventID, channel: $0) }
            }
            try await outbox.enqueue(deliveries, through: through, at: clock.now)
            queued += deliveries.count
        }
    }
}
