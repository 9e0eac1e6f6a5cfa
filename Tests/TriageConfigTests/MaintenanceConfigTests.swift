import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// `maintenance:` in a probe file: one-off and weekly windows in their time zone, and each mistake
/// reported with its place and fix.
@Suite struct MaintenanceConfigTests {
    let sites = """
        customer: acme
        sites:
          - {name: www, url: "https://www.acme.example/"}
          - {name: shop, url: "https://shop.acme.example/"}

        """

    @Test func oneOffAndWeeklyWindowsDecodeInTheirTimeZone() throws {
        let probes = try loadProbes(["acme.yml": sites + """
            maintenance:
              - name: shop-upgrade
                sites: shop
                checks: [http]
                once: {from: "2026-12-01 02:00", to: "2026-12-01 04:00"}
                timeZone: Europe/Rome
              - name: backups
                weekly: {days: [sat, sun], at: "03:30", for: 90m}
                mode: silence
            """], settings: TriageSettings())
        let rome = TimeZone(identifier: "Europe/Rome")!
        let utc = ISO8601DateFormatter()
        #expect(probes.maintenance.windows == [
            MaintenanceWindow(
                name: "shop-upgrade", customer: "acme", sites: ["shop"], checks: ["http"],
                schedule: .once(from: utc.date(from: "2026-12-01T01:00:00Z")!, to: utc.date(from: "2026-12-01T03:00:00Z")!)
            ),
            MaintenanceWindow(
                name: "backups", customer: "acme",
                schedule: .weekly(days: [7, 1], minute: 210, length: .seconds(5400), timeZone: TimeZone(identifier: "UTC")!),
                mode: .silence
            ),
        ])
        #expect(rome.identifier == "Europe/Rome")
    }

    @Test func mistakesAreReportedWithTheirPlaceAndFix() {
        let errors = probeErrors(sites + """
            maintenance:
              - name: a
                sites: [shp]
                once: {from: "2026-12-01 04:00", to: "2026-12-01 02:00"}
              - name: b
                weekly: {days: [sunday], at: "25:00", for: 2h}
                timeZone: Mars/Olympus
              - name: c
              - name: d
                once: {from: "1 Dec", to: "2026-12-01 02:00"}
                weekly: {days: [sun], at: "03:00", for: 1h}
                mode: loud
              - name: e
                weekly: {days: [sunday], at: "25:00", for: 2h}
            """)
        #expect(errors == [
            "probes/acme.yml:7: maintenance[0].sites[0]: \"shp\" is not a site of this file; did you mean \"shop\"? sites: www, shop",
            "probes/acme.yml:8: maintenance[0].once.to: is not after from; a window ends after it starts",
            "probes/acme.yml:11: maintenance[1].timeZone: \"Mars/Olympus\" is not a time zone; write an IANA name, such as Europe/Rome or UTC",
            "probes/acme.yml:12: maintenance[2]: has no schedule; add once: {from: \"2026-12-01 02:00\", to: \"2026-12-01 04:00\"} or weekly: {days: [sun], at: \"03:00\", for: 2h}",
            "probes/acme.yml:13: maintenance[3]: has both once: and weekly:; a window has one schedule: split it in two",
            "probes/acme.yml:16: maintenance[3].mode: \"loud\" is not a maintenance mode; use one of planned, silence",
            "probes/acme.yml:18: maintenance[4].weekly.days[0]: \"sunday\" is not a day; use one of sun, mon, tue, wed, thu, fri, sat",
            "probes/acme.yml:18: maintenance[4].weekly.at: \"25:00\" is not a time of day; write hours and minutes, such as \"03:00\" (quoted)",
        ])
    }
}
