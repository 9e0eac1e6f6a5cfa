import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// `confirm:` (how many locations must see an outage) in a check and in a file's `defaults:`.
@Suite struct ConfirmConfigTests {
    @Test func aCheckConfirmsAloneUnlessToldOtherwise() throws {
        let check = try #require(try decodeChecks("customer: acme\nsites:\n  - {name: www, url: 'https://www.example.com/'}\n").first)
        #expect(check.confirm == .single)
        #expect(!check.confirm.applies(to: .down))
    }

    @Test func fileDefaultsSetItAndAChecksOwnKeysOverrideThem() throws {
        let yaml = """
            customer: acme
            defaults:
              confirm: {locations: 2}
            sites:
              - name: www
                url: https://www.example.com/
                checks:
                  - http: {path: /}
                  - http: {path: /cart}
                    name: cart
                    confirm: {locations: 3, within: 90s}
            """
        let all = try decodeChecks(yaml)
        #expect(all.map(\.confirm) == [
            LocationConfirmation(locations: 2, within: .seconds(60)), LocationConfirmation(locations: 3, within: .seconds(90)),
        ])
        #expect(all[0].confirm.applies(to: .down) && all[0].confirm.applies(to: .serverErrors))
        #expect(!all[0].confirm.applies(to: .slow) && !all[0].confirm.applies(to: .certificateExpiring))
    }

    @Test func wrongValuesAreReportedWithTheirFix() {
        let yaml = """
            customer: acme
            defaults:
              confirm: {locations: 0}
            sites:
              - name: www
                url: https://www.example.com/
                checks:
                  - http: {path: /}
                    confirm: {locations: 11, within: 2s}
                  - http: {path: /a}
                    name: a
                    confirm: {location: 2}
                  - http: {path: /b}
                    name: b
                    confirm: 2
                  - http: {path: /c}
                    name: c
                    confirm: {locations: two}
            """
        #expect(probeErrors(yaml) == [
            "probes/acme.yml:3: defaults.confirm.locations: must be between 1 and 10, not 0",
            "probes/acme.yml:9: sites[0].checks[0].confirm.locations: must be between 1 and 10, not 11",
            "probes/acme.yml:9: sites[0].checks[0].confirm.within: must be between 5s and 10m, not 2s",
            "probes/acme.yml:12: sites[0].checks[1].confirm.location: unknown key; did you mean \"locations\"? allowed keys: locations, within",
            "probes/acme.yml:15: sites[0].checks[2].confirm: is text; write keys and values here (key: value)",
            "probes/acme.yml:18: sites[0].checks[3].confirm.locations: \"two\" is not a whole number; write digits only, such as 1",
        ])
    }

    @Test func theWindowMustOutlastTheTimeout() {
        let yaml = """
            customer: acme
            sites:
              - name: www
                url: https://www.example.com/
                checks:
                  - http: {path: /}
                    timeout: 20s
                    confirm: {locations: 2, within: 10s}
                  - http: {path: /a}
                    name: a
                    timeout: 90s
                    confirm: {locations: 2}
                  - http: {path: /b}
                    name: b
                    timeout: 90s
                    confirm: {locations: 1, within: 10s}
            """
        #expect(probeErrors(yaml) == [
            "probes/acme.yml:8: sites[0].checks[0].confirm.within: 10s must be longer than the check's timeout (20s), since other "
                + "locations' re-probes take up to the timeout; raise confirm.within, or lower timeout",
            "probes/acme.yml:11: sites[0].checks[1].timeout: 90s must be shorter than confirm.within (60s); lower it, or raise confirm.within",
        ])
    }

    @Test func defaultsAreCheckedAtTheirOwnLevel() {
        let yaml = """
            customer: acme
            defaults:
              timeout: 30s
              confirm: {locations: 2, within: 20s}
            sites:
              - {name: www, url: 'https://www.example.com/'}
            """
        #expect(probeErrors(yaml) == [
            "probes/acme.yml:4: defaults.confirm.within: 20s must be longer than the check's timeout (30s), since other "
                + "locations' re-probes take up to the timeout; raise confirm.within, or lower timeout",
        ])
    }
}
