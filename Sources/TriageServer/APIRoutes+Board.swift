import Foundation
import Hummingbird
import TicketStore
import TriageApp
import TriageCore

/// The board, for every role: the work queue and each site's checks with their latest result.
extension APIRoutes {
    func addBoardRoutes(_ registry: RouteRegistry) {
        registry.on(.get, "queue", role: .viewer) { request, _, _ in
            let customer = Query(request).string("customer")
            let open = try await store.tickets(TicketFilter(statuses: [.open], customer: customer, limit: .max))
            let now = clock.now
            let entries = WorkQueue.order(open, now: now).enumerated().map {
                QueueEntryJSON(position: $0.offset + 1, entry: $0.element, now: now)
            }
            return try JSONBody.response(entries)
        }
        registry.on(.get, "sites", role: .viewer) { request, _, _ in
            let customer = Query(request).string("customer")
            let checks = configuration.probes.checks.filter { customer == nil || $0.customer == customer }
            return try JSONBody.response(try await siteStatuses(checks))
        }
    }

    /// Each check's latest result within its last three intervals: older than that, or none, and
    /// its status is `unknown` (the daemon is not probing it). One store call for every check.
    func siteStatuses(_ checks: [Check]) async throws -> [CheckStatusJSON] {
        let now = clock.now
        func since(_ check: Check) -> Date { now.addingTimeInterval(-3 * Double(check.interval.components.seconds)) }
        let earliest = checks.map(since).min() ?? now
        let latest = try await store.latestResults(checkIDs: checks.map(\.id), from: earliest, to: now)
        return checks.sorted { $0.id < $1.id }.map { check in
            CheckStatusJSON(check: check, latest: latest[check.id].flatMap { $0.startedAt >= since(check) ? $0 : nil })
        }
    }
}

/// A check on the board: its site, kind, and latest result (`status` is `unknown` without one).
struct CheckStatusJSON: Encodable {
    var check: String
    var site: String
    var customer: String
    var kind: String
    /// The latest result's outcome (`up`, `down`, ...) or `unknown`.
    var status: String
    var at: Date?
    var reason: String?
    var statusCode: Int?
    /// The whole probe, in seconds.
    var totalSeconds: Double?

    init(check: Check, latest: ProbeResult?) {
        self.check = check.id
        site = check.targetID
        customer = check.customer
        kind = check.spec.kindName
        status = latest.map { "\($0.outcome.rawValue)" } ?? "unknown"
        at = latest?.startedAt
        reason = latest?.reason
        statusCode = latest?.statusCode
        totalSeconds = latest?.timings.total
    }

    enum CodingKeys: String, CodingKey { case check, site, customer, kind, status, at, reason, statusCode, totalSeconds }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check, forKey: .check)
        try container.encode(site, forKey: .site)
        try container.encode(customer, forKey: .customer)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encode(at, forKey: .at)
        try container.encode(reason, forKey: .reason)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encode(totalSeconds, forKey: .totalSeconds)
    }
}
