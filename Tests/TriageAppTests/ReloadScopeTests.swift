import Foundation
import Testing
import TriageConfig
import TriageCore
@testable import TriageApp

/// What a reload cannot change in a running daemon is named, and kept as it runs.
struct ReloadScopeTests {
    @Test func settingsOnlyARestartChangesAreNamedAndKeptAsTheyRun() {
        let old = Configuration(settings: TriageSettings(), probes: ProbeSet(targets: []))
        var new = old
        new.settings.store = "postgres://triage@127.0.0.1:5432/triage"
        new.settings.scheduler.concurrency = 10
        new.settings.cluster.lease = .seconds(60)
        new.settings.results.retention = .seconds(86_400)
        #expect(ConfigReloader.needsRestart(old, new) == ["store", "scheduler.concurrency", "cluster.lease"])
        let kept = ConfigReloader.keepingRestartOnly(old, in: new)
        #expect(kept.settings.store == nil)
        #expect(kept.settings.scheduler.concurrency == old.settings.scheduler.concurrency)
        #expect(kept.settings.cluster == old.settings.cluster)
        #expect(kept.settings.results.retention == .seconds(86_400), "what a reload can change is taken")
        #expect(ConfigReloader.needsRestart(old, old).isEmpty)
    }

    /// The inbound token and customer are read per request, so a reload takes them; only the
    /// `inbound:` listener's address waits for a restart, and is kept as it is bound.
    @Test func aReloadTakesTheInboundTokenAndKeepsTheListenersAddress() {
        var old = Configuration(settings: TriageSettings(), probes: ProbeSet(targets: []))
        old.settings.inbound = InboundSettings(host: "127.0.0.1", port: 9095, token: Secret("old-token-0123456789", origin: "test"))
        var new = old
        new.settings.inbound?.token = Secret("new-token-0123456789", origin: "test")
        new.settings.inbound?.defaultCustomer = "ops"
        #expect(ConfigReloader.needsRestart(old, new).isEmpty)
        #expect(ConfigReloader.keepingRestartOnly(old, in: new).settings.inbound == new.settings.inbound)
        new.settings.inbound?.port = 9096
        #expect(ConfigReloader.needsRestart(old, new) == ["inbound.listen"])
        let kept = ConfigReloader.keepingRestartOnly(old, in: new)
        #expect(kept.settings.inbound?.port == 9095 && kept.settings.inbound?.token.value == "new-token-0123456789")
        new.settings.inbound = nil
        #expect(ConfigReloader.needsRestart(old, new) == ["inbound.listen"], "the listener stays open until a restart")
        #expect(ConfigReloader.keepingRestartOnly(old, in: new).settings.inbound == nil, "and takes no alert meanwhile")
    }

    @Test func theSummarySaysWhatChangedAndWhatWaitsForARestart() {
        let changes = ConfigChanges(
            checks: .init(added: ["acme/a/http"], removed: [], changed: ["acme/b/http"], unchanged: 3), notify: true,
            incidents: false, retention: false, needsRestart: ["store"]
        )
        #expect(
            ReloadOutcome.applied(changes).summary
                == "configuration reloaded: checks 1 added, 0 removed, 1 changed, 3 unchanged; notification settings replaced; needs a restart: store"
        )
        #expect(
            ReloadOutcome.rejected(errors: ["probes/acme.yml:9: sites[1].intervall: unknown key"]).summary
                == "configuration rejected, the previous one stays in force:\nprobes/acme.yml:9: sites[1].intervall: unknown key"
        )
    }
}
