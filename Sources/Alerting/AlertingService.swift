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
///
/// A configuration reload replaces the notification settings (`apply`) without a restart.
public struct AlertingService: Service {
    let rules: AlertingRules
    let outbox: any NotificationOutbox
    let observer: (any DeliveryObserver)?
    let clock: any TriageClock
    let logger: Logger
    let pollInterval: Duration
    let escalationInterval: Duration
    let maxInFlight: Int
    let lease: Duration

    public init(
        outbox: any NotificationOutbox, notifiers: NotifierRegistry, settings: NotifySettings, clock: any TriageClock,
        logger: Logger, observer: (any DeliveryObserver)? = nil, pollInterval: Duration = .milliseconds(200),
        escalationInterval: Duration = .seconds(5), maxInFlight: Int = 64, lease: Duration = .seconds(60)
    ) {
        self.outbox = outbox
        self.observer = observer
        rules = AlertingRules(Self.makeRules(outbox, notifiers, settings, clock, logger, observer))
        self.clock = clock
        self.logger = logger
        self.pollInterval = pollInterval
        self.escalationInterval = escalationInterval
        self.maxInFlight = maxInFlight
        self.lease = lease
    }

    /// Makes `settings` (with their channels in `notifiers`) the ones in force from the next turn.
    public func apply(_ settings: NotifySettings, notifiers: NotifierRegistry) {
        rules.replace(with: Self.makeRules(outbox, notifiers, settings, clock, logger, observer))
    }

    private static func makeRules(
        _ outbox: any NotificationOutbox, _ notifiers: NotifierRegistry, _ settings: NotifySettings, _ clock: any TriageClock,
        _ logger: Logger, _ observer: (any DeliveryObserver)?
    ) -> AlertingRules.Rules {
        AlertingRules.Rules(
            router: NotificationRouter(outbox: outbox, routing: settings.routing, clock: clock),
            sender: DeliverySender(
                outbox: outbox, notifiers: notifiers, settings: settings, clock: clock, logger: logger, observer: observer
            ),
            escalation: settings.routing.escalation
        )
    }

    public func run() async throws {
        let wake = WakeSignal()
        let inFlight = InFlightCount()
        try? await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                var nextEscalation = clock.now
                while !Task.isCancelled {
                    // Each step reads the rules in force when it starts, so an event raised after
                    // `apply` returns is routed and sent by the new ones, even within a turn.
                    if clock.now >= nextEscalation {
                        await recordEscalations(rules.current.escalation)
                        nextEscalation = clock.now.adding(escalationInterval)
                    }
                    await route(rules.current.router)
                    let free = maxInFlight - inFlight.value
                    let deliveries = await claim(limit: free)
                    let sender = rules.current.sender
                    for delivery in deliveries {
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

    private func recordEscalations(_ escalation: EscalationPolicy) async {
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

    private func route(_ router: NotificationRouter) async {
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
