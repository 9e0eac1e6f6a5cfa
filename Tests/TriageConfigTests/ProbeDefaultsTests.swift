import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// Every check starts from the settings' defaults, then the file's `defaults:`, then its own keys.
@Suite struct ProbeDefaultsTests {
    let settings = TriageSettings(
        scheduler: SchedulerSettings(defaultInterval: .seconds(120), defaultTimeout: .seconds(40)),
        detection: DetectionSettings(downAfter: 4, slowAfter: .seconds(12))
    )

    func checks(_ yaml: String) throws -> [Check] {
        try decodeChecks(yaml, settings: settings)
    }

    func url(of check: Check) -> String {
        guard case .http(let spec) = check.spec else { return "" }
        return spec.url.absoluteString
    }

    @Test func aSiteWithoutChecksGetsOneHTTPCheckWithTheSettingsDefaults() throws {
        let check = try #require(try checks("customer: acme\nsites:\n  - {name: www, url: 'https://www.example.com/'}\n").first)
        #expect(check.id == "acme/www/http")
        #expect(check.targetID == "acme/www")
        #expect(check.customer == "acme")
        #expect(check.spec == .http(HTTPCheckSpec(url: URL(string: "https://www.example.com/")!)))
        #expect(check.interval == .seconds(120))
        #expect(check.timeout == .seconds(40))
        #expect(check.detection == settings.detection)
    }

    @Test func fileDefaultsOverrideTheSettingsAndChecksOverrideTheFile() throws {
        let yaml = """
            customer: acme
            defaults:
              interval: 30s
              detection: {downAfter: 3, warnAfter: 5s, serverErrors: {count: 5}}
            sites:
              - name: www
                url: https://www.example.com/
                checks:
                  - http: {path: /}
                  - http: {path: /cart}
                    name: cart
                    interval: 10s
                    timeout: 20s
                    detection: {downAfter: 1, serverErrors: {window: 1m}}
            """
        let all = try checks(yaml)
        let home = try #require(all.first)
        #expect(home.interval == .seconds(30))
        #expect(home.timeout == .seconds(40))
        #expect(home.detection == DetectionSettings(downAfter: 3, slowAfter: .seconds(12), warnAfter: .seconds(5), serverErrorCount: 5))
        let cart = try #require(all.last)
        #expect(cart.interval == .seconds(10))
        #expect(cart.timeout == .seconds(20))
        let cartDetection = DetectionSettings(
            downAfter: 1, slowAfter: .seconds(12), warnAfter: .seconds(5), serverErrorCount: 5, serverErrorWindow: .seconds(60)
        )
        #expect(cart.detection == cartDetection)
    }

    @Test func pathJoinsTheSiteURLAndURLReplacesIt() throws {
        let yaml = """
            customer: acme
            sites:
              - name: www
                url: https://www.example.com/shop/
                checks:
                  - http:
                  - {http: {path: "/health?full=1"}, name: health}
                  - {http: {url: "http://other.example.net:8080/x"}, name: other}
            """
        #expect(try checks(yaml).map(url(of:)) == [
            "https://www.example.com/shop/", "https://www.example.com/health?full=1", "http://other.example.net:8080/x",
        ])
    }

    @Test func singleValuesStandForOneElementLists() throws {
        let yaml = """
            customer: acme
            sites:
              - name: api
                checks:
                  - http: {url: "https://api.example.org/", status: 204, contains: ok, notContains: error, maxBodyBytes: 65536}
            """
        let check = try #require(try checks(yaml).first)
        guard case .http(let spec) = check.spec else { Issue.record("not an http check"); return }
        #expect(spec.expectedStatus == [204])
        #expect(spec.mustContain == ["ok"])
        #expect(spec.mustNotContain == ["error"])
        #expect(spec.maxBodyBytes == 65_536)
    }

    @Test func emptyValuesMeanTheDefault() throws {
        let settings = try ConfigLoader.parseSettings(yaml: "scheduler:\nstore: ~\ndetection: null\n", file: "config/triage.yml")
        #expect(settings.scheduler == SchedulerSettings())
        #expect(settings.store == nil)
        #expect(settings.detection == .standard)
    }

    @Test func anEmptySettingsFileGivesEveryDefault() throws {
        let settings = try ConfigLoader.parseSettings(yaml: "# nothing set\n", file: "config/triage.yml")
        #expect(settings.policy == .standard)
        #expect(settings.catalogue.cases.map(\.id) == [.siteDown, .slowLoad, .repeated5xx])
        #expect(settings.scheduler == SchedulerSettings(concurrency: 256, perHostConcurrency: 8))
    }

    @Test func aPolicyEntryReplacesItsCodeAndLeavesTheOthers() throws {
        let settings = try ConfigLoader.parseSettings(yaml: "policy:\n  GREEN: {deadline: 2d}\n", file: "config/triage.yml")
        #expect(settings.policy.rules(for: .green) == CodePolicy(deadline: .seconds(2 * 86_400)))
        #expect(settings.policy.rules(for: .white) == Policy.standard.rules(for: .white))
    }
}
