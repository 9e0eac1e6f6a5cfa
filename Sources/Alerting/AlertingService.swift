import Foundation
import Logging
import Notifiers
import ServiceLifecycle
import Synchronization
import TicketStore
import TriageCore

/// The daemon's alerting loop: records due escalations, routes new events, and sends due
/// deliveries, each in its own task so one slow or dead channel never holds up the others or the
/// routing of new events.
///
/// Latency: a new event is routed within `pollInterval` of its commit (the store may be written by
/// another process, so it is polled) and sent at once. In flight: at most `maxInFlight`
/// deliveries; each is claimed for `lease`, longer than a notifier's timeout, so a delivery whose
/// sender crashed comes due again when its lease ends, and none is sent twice at the same time.
public struct AlertingService: Service {
    let router: NotificationRouter
    let sender: DeliverySender
    let outbox: any NotificationOutbox
    let escalation: EscalationPolicy
    let clock: any TriageClock
    let logger: Logger
    let pollInterval: Duration
    let escalationInterval: Duration
    let maxInFlight: Int
    let lease: Duration

    public init(
        outbox: any NotificationOutbox, notifiers: NotifierRegistry, settings: NotifySettings, clock: any TriageClock,
        logger: Logger, pollInterval: Duration = .milliseconds(200), escalationInterval: Duration = .seconds(5),
        maxInFlight: Int = 64, lease: Duration = .seconds(60)
    ) {
        router = NotificationRouter(outbox: outbox, routing: settings.routing, clock: clock)
        sender = DeliverySender(outbox: outbox, notifiers: notifiers, settings: settings, clock: clock, logger: logger)
        self.outbox = outbox
        escalation = settings.routing.escalation
        self.clock = clock
        self.logger = logger
        self.pollInterval = pollInterval
        self.escalationInterval = escalationInterval
        self.maxInFlight = maxInFlight
        self.lease = lease
    }

    public func run() async throws {
        let wake = WakeSignal()
        let inFlight = InFlightCount()
        try? await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                var nextEscalation = clock.now
                while !Task.isCancelled {
                    if clock.now >= nextEscalation {
                        await recordEscalations()
                        nextEscalation = clock.now.adding(escalationInterval)
                    }
                    await route()
                    let free = maxInFlight - inFlight.value
                    for delivery in await claim(limit: free) {
                        inFlight.add(1)
                        group.addTask {
                            await sender.send(delivery)
                            inFlight.add(-1)
                            wake.signal()
                        }
                    }
                    await wake.wait(until: min(clock.now.adding(pollInterval), nextEscalation), on: clock)
                }
            }
        }
    }

    private func recordEscalations() async {
        do {
            let events = try await outbox.recordEscalations(at: clock.now, policy: escalation)
            for event in events {
                logger.info("ticket.escalated", metadata: [
                    "ticket.id": "\(event.ticketID)", "event.kind": "\(event.kind.rawValue)", "event.level": "\(event.level ?? 0)",
                ])
            }
        } catch {
            logger.error("notify.escalation_failed", metadata: ["error": "\(error)"])
        }
    }

    private func route() async {
        do {
            try await router.routeAll()
        } catch {
            logger.error("notify.routing_failed", metadata: ["error": "\(error)"])
        }
    }

    private func claim(limit: Int) async -> [PendingDelivery] {
        guard limit > 0 else { return [] }
        do {
            return try await outbox.claimDeliveries(at: clock.now, lease: lease, limit: limit)
        } catch {
            logger.error("notify.claim_failed", metadata: ["error": "\(error)"])
            return []
        }
    }
}

/// The deliveries being sent, shared by the loop and the tasks that send them.
private final class InFlightCount: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func add(_ delta: Int) {
        count.withLock { $0 += delta }
    }
}
