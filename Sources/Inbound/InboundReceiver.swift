import Foundation
import Logging
import TicketStore
import TriageCore

/// Applies other tools' alerts to the ticket store: one incident per alert key (opened, updated
/// with evidence, reopened within the cool-down), ended when the sender resolves it. The same
/// rules as Triage's own findings, so a repeated alert never opens a second ticket.
public struct InboundReceiver: Sendable {
    let store: any TicketStore
    let plans: SupportPlans
    let reopenWithin: Duration
    let mapping: InboundMapping
    let clock: any TriageClock
    let logger: Logger

    public init(
        store: any TicketStore, plans: SupportPlans, reopenWithin: Duration, defaultCustomer: String, clock: any TriageClock,
        logger: Logger
    ) {
        self.store = store
        self.plans = plans
        self.reopenWithin = reopenWithin
        mapping = InboundMapping(defaultCustomer: defaultCustomer)
        self.clock = clock
        self.logger = logger
    }

    /// Decodes an Alertmanager webhook and applies its alerts; returns the tickets it touched.
    /// - Throws: `DecodingError` for a body that is not one (nothing is applied then).
    public func receiveAlertmanager(_ body: Data) async throws -> [Ticket] {
        let webhook = try JSONDecoder().decode(AlertmanagerWebhook.self, from: body)
        return try await apply(webhook.signals(mapping: mapping, now: clock.now))
    }

    /// Decodes a PagerDuty event and applies it; returns its dedup key and the ticket it touched.
    /// - Throws: `DecodingError` for a body that is not one, ``InboundRefusal`` for an event that
    ///   cannot be acted on.
    public func receivePagerDuty(_ event: PagerDutyEvent) async throws -> (dedupKey: String, ticket: Ticket?) {
        guard let signal = event.signal(mapping: mapping, now: clock.now) else {
            throw InboundRefusal(message: "event_action \"\(event.event_action)\" needs to be trigger (with a payload), acknowledge or resolve")
        }
        return (event.key(), try await apply([signal]).first)
    }

    private func apply(_ signals: [InboundSignal]) async throws -> [Ticket] {
        var touched: [Ticket] = []
        for signal in signals {
            switch signal {
            case .raise(let report):
                let change = try await store.raise(report, plans: plans, reopenWithin: reopenWithin)
                logger.info("inbound.raised", metadata: ["incident.id": "\(change.ticket.id)", "inbound.key": "\(report.dedupKey)"])
                touched.append(change.ticket)
            case .resolve(let key, let at, let detail):
                if let ticket = try await store.recover(dedupKey: key, at: at, detail: detail) { touched.append(ticket) }
            case .ignore:
                break
            }
        }
        return touched
    }
}

/// An inbound request that is well-formed JSON but cannot be acted on.
public struct InboundRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
