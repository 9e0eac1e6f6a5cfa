import Foundation
import Testing
import TriageCore

/// When a maintenance window is open and what it covers.
struct MaintenanceWindowTests {
    func check(site: String, name: String = "http", customer: String = "acme") -> Check {
        Check(
            targetID: "\(customer)/\(site)", customer: customer, name: name,
            spec: .http(HTTPCheckSpec(url: URL(string: "https://\(site).example/")!)), interval: .seconds(60),
            timeout: .seconds(30), detection: .standard
        )
    }

    func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func aOneOffWindowCoversItsSitesAndChecksFromItsStartToItsEnd() {
        let window = MaintenanceWindow(
            name: "upgrade", customer: "acme", sites: ["shop"], checks: ["http"],
            schedule: .once(from: utc("2026-12-01T01:00:00Z"), to: utc("2026-12-01T03:00:00Z"))
        )
        #expect(window.covers(check(site: "shop"), at: utc("2026-12-01T01:00:00Z")))
        #expect(window.covers(check(site: "shop"), at: utc("2026-12-01T02:59:59Z")))
        #expect(!window.covers(check(site: "shop"), at: utc("2026-12-01T03:00:00Z")), "the end is excluded")
        #expect(!window.covers(check(site: "www"), at: utc("2026-12-01T02:00:00Z")), "another site")
        #expect(!window.covers(check(site: "shop", name: "tls"), at: utc("2026-12-01T02:00:00Z")), "another check")
        #expect(!window.covers(check(site: "shop", customer: "globex"), at: utc("2026-12-01T02:00:00Z")), "another customer")
    }

    @Test func aWeeklyWindowFollowsItsTimeZoneAcrossSummerTimeAndMidnight() {
        let rome = TimeZone(identifier: "Europe/Rome")!
        // Sundays 03:00 to 05:00 in Rome: 02:00-04:00 UTC in winter, 01:00-03:00 UTC in summer.
        let sunday = MaintenanceWindow(
            name: "backups", customer: "acme", schedule: .weekly(days: [1], minute: 180, length: .seconds(7200), timeZone: rome)
        )
        let site = check(site: "www")
        #expect(sunday.covers(site, at: utc("2026-11-29T02:30:00Z")))
        #expect(!sunday.covers(site, at: utc("2026-11-29T04:10:00Z")))
        #expect(sunday.covers(site, at: utc("2026-07-05T01:30:00Z")))
        #expect(!sunday.covers(site, at: utc("2026-07-05T03:30:00Z")))
        #expect(!sunday.covers(site, at: utc("2026-12-01T02:30:00Z")), "a Tuesday")
        // Saturdays 22:00 for 6 hours: still open at 01:00 on Sunday.
        let overnight = MaintenanceWindow(
            name: "night", customer: "acme", schedule: .weekly(days: [7], minute: 22 * 60, length: .seconds(6 * 3600), timeZone: rome)
        )
        #expect(overnight.covers(site, at: utc("2026-11-29T00:00:00Z")))
        #expect(!overnight.covers(site, at: utc("2026-11-29T05:30:00Z")))
    }

    @Test func aSilenceWinsOverAPlannedWindow() {
        let always = MaintenanceWindow.Schedule.once(from: .distantPast, to: .distantFuture)
        let calendar = MaintenanceCalendar([
            MaintenanceWindow(name: "planned", customer: "acme", schedule: always, mode: .planned),
            MaintenanceWindow(name: "quiet", customer: "acme", schedule: always, mode: .silence),
        ])
        #expect(calendar.window(covering: check(site: "www"), at: Date())?.name == "quiet")
        #expect(calendar.window(covering: check(site: "www", customer: "globex"), at: Date()) == nil)
    }
}
