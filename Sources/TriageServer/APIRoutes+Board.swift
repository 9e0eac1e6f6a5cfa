import Foundation
import Hummingbird
import TicketStore
import TriageApp
import TriageCore

/// The board, for every role: the work queue (paged as `GET tickets` is) and each site's checks
/// with their latest result.
extension APIRoutes {
    func addBoardRoutes(_ registry: RouteRegistry) {
        registry.on(.get, "queue", role: .viewer) { request, _, _ in
            let query = Query(request)
            let codes = try query.value("code", expected: "RED, YELLOW, GREEN or WHITE (comma-separated)") {
                Self.list($0.uppercased(), TriageCode.init(rawValue:))
            }
            let now = clock.now
            let asked = WorkQueueQuery(
                codes: Set(codes ?? []), customer: query.string("customer"), now: now,
                limit: try query.integer("limit", in: 1...Self.maximumPage, default: 50),
                offset: try query.integer("offset", in: 0...Int(Int32.max), default: 0)
            )
            let page = try await store.workQueue(asked)
            let entries = page.tickets.enumerated().map {
                QueueEntryJSON(position: asked.offset + $0.offset + 1, entry: WorkQueue.Entry($0.element, now: now), now: now)
            }
            return try JSONBody.response(
                PageJSON(request, itemsKey: "queue", total: page.total, limit: asked.limit, offset: asked.offset, items: entries)
            )
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
