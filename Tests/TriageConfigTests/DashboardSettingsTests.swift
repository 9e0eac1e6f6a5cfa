import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// `dashboard:` in `config/triage.yml`: whether the session cookie carries `Secure`, by default
/// as `notify.link`'s scheme says, and the mistakes it reports.
@Suite struct DashboardSettingsTests {
    func secureCookies(_ yaml: String) throws -> Bool {
        try ConfigLoader.parseSettings(yaml: yaml, file: "config/triage.yml", environment: [:]).secureCookies
    }

    @Test func secureCookiesFollowTheLinkUnlessSet() throws {
        #expect(try secureCookies("store: var/triage.sqlite") == false, "no link: off, so http://127.0.0.1 keeps working")
        #expect(try secureCookies("notify: {link: https://triage.example.net}") == true, "an https link: on")
        #expect(try secureCookies("notify: {link: HTTPS://triage.example.net}") == true, "the scheme in capitals")
        #expect(try secureCookies("notify: {link: http://triage.example.net}") == false, "an http link: off")
        #expect(try secureCookies("notify: {link: https://triage.example.net}\ndashboard: {secureCookies: false}") == false)
        #expect(try secureCookies("dashboard: {secureCookies: true}") == true)
        #expect(try secureCookies("dashboard:\n  secureCookies:") == false, "an empty value keeps the default")
    }

    @Test func mistakesNameTheKeyAndTheFix() {
        var errors: [String] = []
        do {
            _ = try ConfigLoader.parseSettings(yaml: """
                dashboard:
                  secureCookies: yes
                  secure_cookies: true
                """, file: "config/triage.yml", environment: [:])
        } catch {
            errors = error.errors.map(\.description)
        }
        #expect(errors == [
            "config/triage.yml:2: dashboard.secureCookies: \"yes\" is not true or false; write true or false",
            "config/triage.yml:3: dashboard.secure_cookies: unknown key; did you mean \"secureCookies\"? allowed keys: secureCookies",
        ])
    }

    @Test func aDashboardThatIsNoMappingIsRefused() {
        var errors: [String] = []
        do {
            _ = try ConfigLoader.parseSettings(yaml: "dashboard: true", file: "config/triage.yml", environment: [:])
        } catch {
            errors = error.errors.map(\.description)
        }
        #expect(errors == ["config/triage.yml:1: dashboard: is text; write keys and values here (key: value)"])
    }
}
