import Foundation
import Hummingbird
import TriageApp
import TriageCore

/// `GET /sites`: the checks of the configuration in force, filtered (`?customer=&status=`) and
/// shown 100 at a time, each with its state from `siteStatuses` (what `GET /api/v1/sites`
/// answers) and its last 24 hours' sparkline, the page's roll-ups read in one query.
extension DashboardRoutes {
    static let statusNames = ["up", "degraded", "down", "unknown"]

    func sitesPage(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let query = Query(request)
        let customer = query.string("customer")
        let status = try query.value("status", expected: "up, degraded, down or unknown") { Self.statusNames.contains($0) ? $0 : nil }
        let checks = api.configuration.probes.checks.filter { customer == nil || $0.customer == customer }.sorted { $0.id < $1.id }
        let statuses: [CheckStatusJSON]
        let paging: Paging
        if let status {
            // A state is known only once read: every matching check is read (one query), then paged.
            let all = try await api.siteStatuses(checks).filter { $0.status == status }
            paging = try Paging(request, total: all.count)
            statuses = Array(all[paging.range])
        } else {
            paging = try Paging(request, total: checks.count)
            statuses = try await api.siteStatuses(Array(checks[paging.range]))
        }
        let now = api.clock.now
        let window = Sparkline.window(endingAt: now)
        let rollups = try await api.store.rollups(
            checkIDs: statuses.map(\.check), span: .hour, from: window.lowerBound, to: window.upperBound
        )
        let hours = Dictionary(grouping: rollups, by: \.checkID)
        let rows = statuses.map { status in
            SitesPage.Row(
                check: status.check, site: status.site, customer: status.customer, kind: status.kind, status: status.status,
                reason: status.reason ?? "", at: status.at.map(TextTable.utc) ?? "",
                sparkline: Sparkline(hours: hours[status.check] ?? [], endingAt: now)
            )
        }
        let page = SitesPage(
            chrome: visitor.chrome, rows: rows, paging: paging, customer: customer ?? "",
            statuses: Self.statusNames.map { FilterOption(value: $0, selected: $0 == status) }
        )
        return try DashboardTemplates.response("sites", page)
    }
}
