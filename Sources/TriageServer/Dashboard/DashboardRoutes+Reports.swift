import Foundation
import Hummingbird
import TriageApp
import TriageCore

/// `GET /reports`, links to the manager reports, and `GET /reports/view`, the self-contained HTML
/// report `GET /api/v1/reports?format=html` renders, for a browser's session (same query, same
/// renderer, same least role: manager).
extension DashboardRoutes {
    func addReportPages(_ router: Router<APIContext>) {
        page(router, .get, "/reports", role: .manager) { _, _, visitor in
            let customers = Set(api.configuration.probes.checks.map(\.customer)).sorted()
            let page = ReportsPage(
                chrome: visitor.chrome, today: Self.day(daysAgo: 0, api.clock.now),
                links: [
                    ReportsPage.Link(title: "Last 30 days, every customer", href: "/reports/view"),
                    ReportsPage.Link(title: "Last 7 days, every customer", href: "/reports/view?from=\(Self.day(daysAgo: 7, api.clock.now))"),
                ] + customers.map { ReportsPage.Link(title: "Last 30 days, \($0)", href: "/reports/view?customer=" + FormBody.encode($0)) }
            )
            return try DashboardTemplates.response("reports", page)
        }
        page(router, .get, "/reports/view", role: .manager) { request, _, _ in
            try await api.report(Query(request), defaultFormat: .html)
        }
    }

    /// The UTC day (YYYY-MM-DD) `days` before `now`.
    private static func day(daysAgo days: Int, _ now: Date) -> String {
        String(TextTable.utc(now.addingTimeInterval(-Double(days) * 86_400)).prefix(10))
    }
}

/// What the reports page lists.
struct ReportsPage {
    struct Link {
        var title: String
        var href: String
    }

    var chrome: Chrome
    var today: String
    var links: [Link]
}
