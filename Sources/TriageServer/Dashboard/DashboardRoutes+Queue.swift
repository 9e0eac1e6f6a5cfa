import Foundation
import Hummingbird
import TicketStore
import TriageApp
import TriageCore

/// `GET /`: the work queue, filtered (`?code=RED&customer=acme`) in the store and ordered by
/// ``WorkQueue`` as `GET /api/v1/queue` is, shown a page of 100 at a time.
extension DashboardRoutes {
    func queuePage(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let query = Query(request)
        let codes = try query.value("code", expected: "RED, YELLOW, GREEN or WHITE") { TriageCode(rawValue: $0.uppercased()) }
        let customer = query.string("customer")
        let open = try await api.store.tickets(
            TicketFilter(statuses: [.open], codes: Set(codes.map { [$0] } ?? []), customer: customer, limit: .max)
        )
        let now = api.clock.now
        let entries = WorkQueue.order(open, now: now)
        let paging = try Paging(request, total: entries.count)
        let page = QueuePage(
            chrome: visitor.chrome, rows: entries[paging.range].map { QueuePage.Row($0, now: now) }, paging: paging,
            code: codes?.rawValue ?? "", customer: customer ?? "",
            codes: TriageCode.allCases.map { FilterOption(value: $0.rawValue, selected: $0 == codes) }
        )
        return try DashboardTemplates.response("queue", page)
    }
}
