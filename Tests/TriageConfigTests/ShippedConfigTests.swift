import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// The files shipped in `config/` and `probes/` load as they are, and say what the policy says.
@Suite struct ShippedConfigTests {
    @Test func settingsFileLoadsWithThePublishedPolicyAndDefaults() throws {
        let settings = try ConfigLoader.loadSettings(at: Paths.settingsFile)
        #expect(settings.policy == .standard)
        #expect(settings.store == "var/triage.sqlite")
        #expect(settings.scheduler == SchedulerSettings())
        #expect(settings.detection == .standard)
        #expect(settings.results.retention == .seconds(90 * 86_400))
        #expect(settings.incidents.reopenWithin == .seconds(30 * 60))
        #expect(settings.cluster.lease == .seconds(30))
    }

    @Test func catalogueHoldsEveryCaseOfThePolicy() throws {
        let catalogue = try ConfigLoader.loadSettings(at: Paths.settingsFile).catalogue
        let counts = Dictionary(grouping: catalogue.cases, by: \.code).mapValues(\.count)
        // policy.md lists 12 RED, 15 YELLOW, 9 GREEN cases and, split at its semicolons, 14 WHITE ones;
        // detection adds the YELLOW certificate-expiring, slow-load-warning and mail-delivery-slow.
        #expect(counts == [.red: 12, .yellow: 18, .green: 9, .white: 14])
        for kind in FindingKind.allCases {
            #expect(catalogue[kind.caseID]?.code == kind.code, "the case of \(kind) findings")
        }
        #expect(catalogue[.mailDeliverySlow]?.fee == .free)
        #expect(catalogue[.mailSendReceive]?.code == .red)
        #expect(catalogue[.defaced]?.fee == .fixed(.major(50)))
        #expect(Set(catalogue.cases.map(\.id)).count == catalogue.cases.count)
        for id in [CaseID.siteDown, .slowLoad, .repeated5xx] {
            #expect(catalogue[id]?.code == .red)
            #expect(catalogue[id]?.customerFaultSurcharge == Money.major(20)...Money.major(50))
        }
    }

    @Test func customerFaultSurchargeIsOnTheStarredRedCasesOnly() throws {
        let catalogue = try ConfigLoader.loadSettings(at: Paths.settingsFile).catalogue
        let starred = catalogue.cases.filter { $0.customerFaultSurcharge != nil }.map(\.id.rawValue)
        #expect(starred == [
            "site-down", "slow-load", "repeated-5xx", "file-data-loss", "database-data-loss", "mail-send-receive",
            "cache-not-refreshing",
        ])
    }

    @Test(arguments: [
        ("restore-database-backup", Fee.fixed(.major(40))),
        ("hardware-failure", .free),
        ("defaced", .fixed(.major(50))),
        ("activate-domain", .range(min: .major(10), max: .major(50))),
        ("activate-subdomains", .perUnit(.major(10), unit: "subdomain")),
        ("scale-for-traffic-peaks", .instanceCostPlus(.major(50))),
        ("pagespeed-optimisation", .onQuote),
        ("activate-hosting-space", .perContract),
        ("nginx-rewrite-rules", .fixedOrQuote(.major(20))),
        ("migrate-hosting-space", .fixedOrContract(.major(20))),
        ("https-letsencrypt", .unlisted),
        ("judicial-expert-report", .fixed(.major(300))),
    ])
    func catalogueFeesFollowThePolicy(id: String, fee: Fee) throws {
        let catalogue = try ConfigLoader.loadSettings(at: Paths.settingsFile).catalogue
        #expect(catalogue[CaseID(rawValue: id)]?.fee == fee)
    }

    @Test func demoProbesPointAtTheLocalDemoServer() throws {
        let settings = try ConfigLoader.loadSettings(at: Paths.settingsFile)
        let probes = try ConfigLoader.loadProbes(directory: Paths.probesFolder, settings: settings)
        #expect(probes.targets.map(\.id) == ["demo/up", "demo/slow", "demo/errors", "demo/down"])
        #expect(probes.checks.map(\.id) == ["demo/up/http", "demo/slow/http", "demo/errors/http", "demo/down/http"])
        let urls = probes.checks.compactMap { check -> String? in
            guard case .http(let spec) = check.spec else { return nil }
            return spec.url.absoluteString
        }
        #expect(urls == [
            "http://127.0.0.1:8089/", "http://127.0.0.1:8089/slow", "http://127.0.0.1:8089/500", "http://127.0.0.1:8090/",
        ])
        guard case .http(let home) = probes.checks[0].spec else { Issue.record("not an http check"); return }
        #expect(home.mustContain == ["Welcome to the demo shop"])
        for check in probes.checks {
            #expect(check.interval == .seconds(15))
            #expect(check.timeout == .seconds(30))
            #expect(check.detection == .standard)
        }
    }

    @Test func exampleProbeFileShowsEveryOptionAndIsValid() throws {
        let settings = try ConfigLoader.loadSettings(at: Paths.settingsFile)
        let yaml = try String(contentsOfFile: Paths.exampleProbeFile, encoding: .utf8)
        let targets = try ConfigLoader.parseProbes(
            yaml: yaml, file: "probes/acme.yml.example", settings: settings, environment: Paths.exampleEnvironment
        )
        #expect(targets.flatMap(\.checks).map(\.id) == [
            "acme/www/home", "acme/www/login", "acme/www/tls", "acme/www/integrity", "acme/www/pageload", "acme/www/ssh",
            "acme/www/database", "acme/www/dns", "acme/www/mail-dns",
            "acme/www/cache", "acme/www/canary",
            "acme/shop/http",
            "acme/api/http",
            "acme/mail/smtp", "acme/mail/imap", "acme/mail/pop3", "acme/mail/roundtrip",
        ])
        let kinds = targets.flatMap(\.checks).map(\.spec.kindName)
        #expect(Set(kinds) == Set(CheckKinds.names))
        let home = try #require(targets.first?.checks.first)
        guard case .http(let spec) = home.spec else { Issue.record("not an http check"); return }
        #expect(spec.url.absoluteString == "https://www.example.com/")
        #expect(spec.expectedStatus == [200])
        #expect(spec.mustContain == ["Example Domain"])
        #expect(spec.mustNotContain == ["Fatal error", "hacked by"])
        #expect(spec.maxBodyBytes == 1 << 20)
        #expect(spec.headers == ["X-Probe": "triage"])
        #expect(spec.caFile == "/etc/triage/private-ca.pem")
        #expect(home.interval == .seconds(60))
        #expect(home.timeout == .seconds(30))
        #expect(home.detection.downAfter == 3)
        #expect(home.detection.serverErrorCount == 5)
        #expect(home.detection.slowAfter == .seconds(8))
        #expect(home.detection.slowAfterCount == 3)
    }

    @Test func exampleProbeFileCarriesACustomSupportPlan() throws {
        let settings = try ConfigLoader.loadSettings(at: Paths.settingsFile)
        let yaml = try String(contentsOfFile: Paths.exampleProbeFile, encoding: .utf8)
        let plan = try #require(try loadProbes(["acme.yml": yaml], settings: settings).plans.byCustomer["acme"])
        #expect(plan.rules(for: .red) == CodePolicy(deadline: .seconds(10 * 60)))
        #expect(plan.rules(for: .yellow) == CodePolicy(deadline: .seconds(4 * 3_600)))
        #expect(plan.rules(for: .green) == settings.policy.rules(for: .green))
        #expect(plan.rules(for: .white) == settings.policy.rules(for: .white))
    }
}
