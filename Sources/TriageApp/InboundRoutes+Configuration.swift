import Inbound
import TicketStore
import TriageCore

extension InboundRoutes {
    /// The inbound routes over the configuration in force: its `inbound.token`, `inbound.customer`,
    /// support plans and reopen window are read at each request, so a reload reaches them without a
    /// restart; with no `inbound:` in force the routes answer 404. `triage run` passes its live
    /// configuration (to its `inbound:` listener and to `--http`'s API server alike), `triage serve`
    /// the configuration it read.
    public init(store: any TicketStore, clock: any TriageClock, configuration: @escaping @Sendable () -> Configuration) {
        self.init { logger in
            let configuration = configuration()
            guard let inbound = configuration.settings.inbound else { return nil }
            let receiver = InboundReceiver(
                store: store, plans: configuration.probes.plans, reopenWithin: configuration.settings.incidents.reopenWithin,
                defaultCustomer: inbound.defaultCustomer, clock: clock, logger: logger
            )
            return InboundIntake(token: inbound.token, receiver: receiver)
        }
    }
}
