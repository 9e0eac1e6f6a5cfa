import Testing
import TriageCore
@testable import TriageConfig

/// A customer's custom support plan (`policy:` in its probe file) is written over the settings'
/// policy, not the published one: an admin who shortens every RED deadline in config/triage.yml
/// must not see a paying customer fall back to the slower published RED.
@Suite struct SupportPlanTests {
    let site = "sites: [{name: www, url: 'https://www.example.com/'}]\n"

    func settings() throws -> TriageSettings {
        try ConfigLoader.parseSettings(yaml: "policy:\n  RED: {deadline: 20m}\n", file: "config/triage.yml")
    }

    @Test func aPlanIsMergedOverTheSettingsPolicy() throws {
        let settings = try settings()
        let probes = try loadProbes([
            "acme.yml": "customer: acme\npolicy:\n  YELLOW: {deadline: 4h}\n  GREEN: {deadline: 2d}\n" + site,
            "beta.yml": "customer: beta\n" + site,
        ], settings: settings)
        #expect(probes.plans.standard == settings.policy)
        #expect(Array(probes.plans.byCustomer.keys) == ["acme"])
        let acme = probes.plans.policy(for: "acme")
        #expect(acme.rules(for: .red) == CodePolicy(deadline: .seconds(20 * 60)))
        #expect(acme.rules(for: .yellow) == CodePolicy(deadline: .seconds(4 * 3_600)))
        #expect(acme.rules(for: .green) == CodePolicy(deadline: .seconds(2 * 86_400)), "an entry replaces its rule whole")
        #expect(acme.rules(for: .white) == Policy.standard.rules(for: .white))
    }

    @Test func aCustomerWithoutAPlanGetsTheSettingsPolicy() throws {
        let settings = try settings()
        let probes = try loadProbes(["beta.yml": "customer: beta\n" + site], settings: settings)
        #expect(probes.plans.byCustomer.isEmpty)
        #expect(probes.plans.policy(for: "beta") == settings.policy)
    }

    @Test func aProbeSetBuiltByHandHoldsThePublishedPolicy() {
        #expect(ProbeSet(targets: []).plans == SupportPlans(standard: .standard))
    }

    @Test func aMisspeltPolicyKeyIsSuggested() {
        #expect(probeErrors("customer: acme\npolcy: {RED: {deadline: 10m}}\n" + site) == [
            "probes/acme.yml:2: polcy: unknown key; did you mean \"policy\"? allowed keys: customer, policy, defaults, sites, maintenance",
        ])
    }
}
