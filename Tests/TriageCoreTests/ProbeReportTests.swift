import Foundation
import Testing
import TriageCore

/// Uptime and response-time reports from hand-built hours, with known answers.
struct ProbeReportTests {
    /// A UTC midnight.
    let day = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 86_400))

    func check(_ site: String, _ name: String = "http", customer: String = "acme") -> Check {
        Check(
            targetID: "\(customer)/\(site)", customer: customer, name: name,
            spec: .http(HTTPCheckSpec(url: URL(string: "https://\(site).example/")!)), interval: .seconds(60),
            timeout: .seconds(10), detection: .standard
        )
    }

    /// `count` hours from `first` (hours after `day`), each with `time` and one latency sample of `seconds`.
    func hours(of check: Check, first: Int, count: Int, _ time: Availability, seconds: Double? = nil) -> [Rollup] {
        (first..<first + count).map { index in
            var latency = LatencyHistogram()
            if let seconds { latency.record(seconds) }
            return Rollup(
                checkID: check.id, start: day.addingTimeInterval(Double(index) * 3600), availability: time,
                probes: 60, failures: Int(time.down / 60), latency: latency
            )
        }
    }

    @Test func aCheckPeriodSumsItsDaysAndFindsItsSlowestHours() throws {
        let shop = check("shop")
        let hours = hours(of: shop, first: 0, count: 24, Availability(up: 3600), seconds: 0.1)
            + hours(of: shop, first: 24, count: 24, Availability(up: 3000, down: 600), seconds: 0.1)
        var slow = hours
        slow[30].latency.record(4)
        slow[30].latency.record(4)
        slow[40].latency.record(2)
        slow[40].latency.record(2)
        let period = CheckPeriod(check: shop, rollups: slow, slowestHourCount: 2)
        #expect(period.days.map(\.day) == [day, day.addingTimeInterval(86_400)])
        #expect(period.days.map(\.availability.down) == [0, 24 * 600])
        #expect(period.availability.uptime == Double(48 * 3600 - 24 * 600) / Double(48 * 3600))
        #expect(period.slowestHours.map(\.hour) == [slow[30].start, slow[40].start])
        let latency = try #require(period.latency)
        #expect(latency.samples == 52)
        #expect(abs(latency.p50 - 0.1) < 0.002)
        #expect(abs(latency.p99 - 4) < 0.08, "the 52nd of 52 samples, by nearest rank: \(latency.p99)")
    }

    @Test func sitesAndCustomersSumTheirChecksAndASiteWithoutDataHasNoUptime() throws {
        let web = check("shop"), mail = check("shop", "mail"), blog = check("blog"), other = check("www", customer: "globex")
        let periods = [
            CheckPeriod(check: web, rollups: hours(of: web, first: 0, count: 10, Availability(up: 3600))),
            CheckPeriod(check: mail, rollups: hours(of: mail, first: 0, count: 10, Availability(up: 1800, down: 1800))),
            CheckPeriod(check: blog, rollups: hours(of: blog, first: 0, count: 10, Availability(unknown: 3600))),
            CheckPeriod(check: other, rollups: hours(of: other, first: 0, count: 10, Availability(up: 3000, maintenance: 600))),
        ]
        let downtime = [
            mail.id: [IncidentDowntime.Share(ticketID: 7, cause: "third-party", seconds: 10_000)],
            web.id: [IncidentDowntime.Share(ticketID: 8, cause: "provider", seconds: 0)],
        ]
        let report = UptimeReport(checks: periods, downtime: downtime, from: day, to: day.addingTimeInterval(36_000))
        #expect(report.sites.map(\.targetID) == ["acme/blog", "acme/shop", "globex/www"])
        #expect(report.sites[0].uptime == nil, "no data is not 100 %")
        #expect(report.sites[0].availability.unknown == 36_000)
        #expect(report.sites[1].uptime == 0.75)
        #expect(report.sites[1].checks.map(\.uptime) == [1, 0.5], "http, then mail")
        #expect(report.sites[1].downtimeByCause.map(\.cause) == [IncidentDowntime.noIncident, "third-party"], "no provider row for 0 s")
        #expect(report.sites[1].downtimeByCause.map(\.seconds) == [8000, 10_000])
        #expect(report.sites[2].uptime == 1, "maintenance counts on neither side")
        #expect(report.sites[2].availability.maintenance == 6000)
        #expect(report.customers.map(\.customer) == ["acme", "globex"])
        #expect(report.customers[0].sites == 2 && report.customers[0].uptime == 0.75)
        let times = ResponseTimeReport(checks: periods, from: day, to: day.addingTimeInterval(36_000))
        #expect(times.rows.map(\.checkID) == [blog.id, web.id, mail.id, other.id])
        #expect(times.rows.allSatisfy { $0.latency == nil }, "no latency sample was recorded")
    }
}
