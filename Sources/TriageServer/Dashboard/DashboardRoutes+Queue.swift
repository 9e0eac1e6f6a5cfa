import Foundation
import Hummingbird
import TicketStore
import TriageApp
import TriageCore

/// `GET /`: the work queue, filtered (`?code=RED&customer=acme`), ordered and cut into pages of
/// 100 by the store, in ``WorkQueue`` order as `GET /api/v1/queue` is.
extension DashboardRoutes {
    func queuePage(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let query = Query(request)
        let codes = try query.value("code", expected: "RED, YELLOW, GREEN or WHITE") { TriageCode(rawValue: $0.uppercased()) }
        let customer = query.string("customer")
        let now = api.clock.now
        func read(page: Int) async throws -> WorkQueuePage {
            try await api.store.workQueue(
                WorkQueueQuery(
                    codes: Set(codes.map { [$0] } ?? []), customer: customer, now: now, limit: Paging.size, offset: (page - 1) * Paging.size
                )
            )
        }
        let requested = try Paging.requested(request)
        var slice = try await read(page: requested)
        let paging = try Paging(request, total: slice.total)
        if paging.page != requested {
            slice = try await read(page: paging.page)
        }
        let page = QueuePage(
            chrome: visitor.chrome, rows: slice.tickets.map { QueuePage.Row(WorkQueue.Entry($0, now: now), now: now) }, paging: paging,
            code: codes?.rawValue ?? "", customer: customer ?? "",
            codes: TriageCode.allCases.map { FilterOption(value: $0.rawValue, selected: $0 == codes) }
        )
        return try DashboardTemplates.response("queue", page)
    }
}
