import Foundation
import TriageCore

/// The store's side of alerting: the audit trail is the outbox, so a notification can never be
/// lost between a ticket's change and its sending.
///
/// Every ticket change already appends its event in the change's own transaction. A router reads
/// the events after its cursor and queues one delivery per channel, moving the cursor in the same
/// transaction (a crash in between re-reads the events, and the unique `(event, channel)` pair
/// drops the copies); a sender claims due deliveries for a lease, sends them, and records the
/// outcome. Claimed deliveries whose sender died come due again when the lease ends: at least
/// once, never lost.
///
/// ```swift
/// let batch = try await outbox.unroutedNotifications(limit: 500)
/// try await outbox.enqueue(batch.notifications.flatMap { n in routing.channels(for: n).map { QueuedDelivery(eventID: n.eventID, channel: $0) } },
///                          through: batch.throughEventID, at: now)
/// for delivery in try await outbox.claimDeliveries(at: now, lease: .seconds(60), limit: 100) { ... }
/// ```
public protocol NotificationOutbox: Sendable {
    /// The events after the routing cursor that notify (`TicketEventKind.notifies`), oldest first,
    /// with their tickets, reading at most `limit` events of any kind.
    func unroutedNotifications(limit: Int) async throws -> RoutingBatch

    /// Queues `deliveries` (a pair already queued is skipped) and moves the routing cursor to
    /// `lastEventID`, in one transaction.
    func enqueue(_ deliveries: [QueuedDelivery], through lastEventID: Int64, at: Date) async throws

    /// Claims up to `limit` undelivered deliveries due at `now`, oldest first, making them due
    /// again only after `lease`, so two senders never send one at the same time.
    func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [PendingDelivery]

    /// Records that delivery `id` reached its channel.
    func recordDelivered(_ id: Int64, at: Date) async throws

    /// Records a failed attempt of delivery `id`, with the channel's error, due again at `retryAt`.
    func recordFailedDelivery(_ id: Int64, error: String, retryAt: Date) async throws

    /// Appends the `escalated` and `reminded` events that `policy` makes due at `now` on open
    /// tickets, each once; returns them.
    func recordEscalations(at now: Date, policy: EscalationPolicy) async throws -> [TicketEvent]

    /// The deliveries of one ticket's events, oldest first: what was sent where, and what failed.
    func deliveries(ticketID: Int64) async throws -> [DeliveryRecord]
}

/// Events read by the router, and how far it read.
public struct RoutingBatch: Sendable {
    public var notifications: [TicketNotification]
    /// The id of the last event read (notifying or not); nil when there was none.
    public var throughEventID: Int64?

    public init(notifications: [TicketNotification], throughEventID: Int64?) {
        self.notifications = notifications
        self.throughEventID = throughEventID
    }
}

/// One delivery to queue: an event for a channel.
public struct QueuedDelivery: Sendable, Hashable {
    public var eventID: Int64
    public var channel: String

    public init(eventID: Int64, channel: String) {
        self.eventID = eventID
        self.channel = channel
    }
}

/// A claimed delivery, ready to send.
public struct PendingDelivery: Sendable, Hashable {
    public var id: Int64
    public var channel: String
    /// Attempts made before this one.
    public var attempts: Int
    public var notification: TicketNotification

    public init(id: Int64, channel: String, attempts: Int, notification: TicketNotification) {
        self.id = id
        self.channel = channel
        self.attempts = attempts
        self.notification = notification
    }
}

/// A delivery as the store keeps it.
public struct DeliveryRecord: Sendable, Hashable {
    public var id: Int64
    public var eventID: Int64
    /// The kind of the event it tells of, so a listing reads "opened → on-call".
    public var eventKind: TicketEventKind
    public var channel: String
    public var attempts: Int
    public var deliveredAt: Date?
    public var lastError: String?

    public init(
        id: Int64, eventID: Int64, eventKind: TicketEventKind, channel: String, attempts: Int, deliveredAt: Date?,
        lastError: String?
    ) {
        self.id = id
        self.eventID = eventID
        self.eventKind = eventKind
        self.channel = channel
        self.attempts = attempts
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }
}

/// What a backend of the shared store provides: tickets, results, the notification outbox,
/// roll-ups, the leases that split the checks between nodes, the suspicions that other locations
/// confirm, the archive that moves a store from one backend to another, the HTTP API's
/// accounts and tokens, and the dashboard's browser sessions.
public typealias SharedStore = TicketStore & NotificationOutbox & ResultRollupStore & WorkLeases & Suspicions & StoreArchive
    & AccountStore & BrowserSessionStore
