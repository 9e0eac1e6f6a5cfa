/// Which channels hear of which ticket events: routes by code, customer and event kind, plus
/// the escalation policy for `escalated` and `reminded` events.
///
/// ```yaml
/// routes:
///   - {codes: [RED], channels: [on-call, slack]}
///   - {codes: [YELLOW], channels: [ops-mail]}
///   - {events: [breached], channels: [managers]}
/// ```
public struct NotificationRouting: Sendable, Hashable {
    public var routes: [NotificationRoute]
    public var escalation: EscalationPolicy

    public init(routes: [NotificationRoute] = [], escalation: EscalationPolicy = .none) {
        self.routes = routes
        self.escalation = escalation
    }

    /// Nothing is sent anywhere.
    public static let silent = NotificationRouting()

    /// The channels that hear of `notification`, each once, in the order of the configuration;
    /// none for an incident opened during planned maintenance, which is on record but pages nobody.
    public func channels(for notification: TicketNotification) -> [String] {
        guard notification.event.kind.notifies, !notification.ticket.planned else { return [] }
        var channels = escalation.channels(for: notification.event)
        for route in routes where route.matches(notification) {
            channels.append(contentsOf: route.channels)
        }
        var seen = Set<String>()
        return channels.filter { seen.insert($0).inserted }
    }
}

/// One rule of routing: events of these kinds, on tickets of these codes, customers and sites,
/// go to these channels. An empty set matches anything, except that escalations and reminders only
/// match a route that names them: they have the escalation policy's own channels.
public struct NotificationRoute: Sendable, Hashable {
    public var channels: [String]
    public var codes: Set<TriageCode>
    public var customers: Set<String>
    /// Site ids (`acme/shop`): a group of sites with its own on-call; a ticket without a site matches none.
    public var sites: Set<String>
    public var events: Set<TicketEventKind>

    public init(
        channels: [String], codes: Set<TriageCode> = [], customers: Set<String> = [], sites: Set<String> = [],
        events: Set<TicketEventKind> = []
    ) {
        self.channels = channels
        self.codes = codes
        self.customers = customers
        self.sites = sites
        self.events = events
    }

    func matches(_ notification: TicketNotification) -> Bool {
        let kind = notification.event.kind
        let kindMatches = events.isEmpty ? kind != .escalated && kind != .reminded : events.contains(kind)
        return kindMatches && (codes.isEmpty || codes.contains(notification.ticket.code))
            && (customers.isEmpty || customers.contains(notification.ticket.customer))
            && (sites.isEmpty || notification.ticket.targetID.map(sites.contains) == true)
    }
}
