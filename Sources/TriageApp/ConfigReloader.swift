import Alerting
import Logging
import Notifiers
import Scheduler
import TicketStore
import TriageConfig
import TriageCore
import TriageMetrics

/// Re-reads `config/` and `probes/` in a running daemon (on SIGHUP, or an admin's action) and
/// applies them only if they are valid: otherwise the configuration in force stays, unchanged,
/// and the errors are logged and returned. One reload at a time (an actor).
///
/// Applying reaches every part that read the configuration at start: the scheduler's checks and
/// incident settings, the alerting's notification settings, the metrics' check series, and,
/// through ``LiveConfiguration``, roll-ups, retention and the node's lease requests. What only a
/// restart can change (the store, the inbound listener's address, scheduler bounds, cluster lease)
/// is named in the outcome instead of being ignored silently. The inbound token, customer and the
/// deadlines of received alerts are read from the configuration in force at each request.
///
/// ```swift
/// switch await reloader.reload() {
/// case .applied(let changes): print(changes.summary)
/// case .rejected(let errors): print(errors.joined(separator: "\n"))
/// }
/// ```
public actor ConfigReloader {
    let load: @Sendable () throws(ConfigErrors) -> Configuration
    let live: LiveConfiguration
    let store: any TicketStore
    let scheduler: ProbeScheduler
    let alerting: AlertingService
    let notifiers: @Sendable (NotifySettings) -> NotifierRegistry
    let metrics: TriageMetrics?
    let logger: Logger

    init(
        load: @escaping @Sendable () throws(ConfigErrors) -> Configuration, live: LiveConfiguration, store: any TicketStore,
        scheduler: ProbeScheduler, alerting: AlertingService, notifiers: @escaping @Sendable (NotifySettings) -> NotifierRegistry,
        metrics: TriageMetrics?, logger: Logger
    ) {
        self.load = load
        self.live = live
        self.store = store
        self.scheduler = scheduler
        self.alerting = alerting
        self.notifiers = notifiers
        self.metrics = metrics
        self.logger = logger
    }

    /// The configuration in force (for a desk's catalogue and plans).
    public nonisolated var current: Configuration { live.value }

    /// Reads the files again and applies them when valid; logs and returns what happened.
    ///
    /// - Parameter actor: who asked (an admin's account over HTTP, or `SIGHUP`), for the log.
    public func reload(by actor: String = "SIGHUP") async -> ReloadOutcome {
        let outcome = await attempt()
        switch outcome {
        case .applied(let changes):
            logger.notice("config.reload.applied", metadata: ["config.changes": "\(changes.summary)", "config.reload.by": "\(actor)"])
        case .rejected(let errors):
            logger.error(
                "config.reload.rejected", metadata: ["config.errors": "\(errors.joined(separator: "\n"))", "config.reload.by": "\(actor)"]
            )
        }
        return outcome
    }

    private func attempt() async -> ReloadOutcome {
        let new: Configuration
        do {
            new = try load()
        } catch {
            return .rejected(errors: error.errors.map(\.description))
        }
        let active: Set<String>
        do {
            active = try await store.activeDedupKeys()
        } catch {
            return .rejected(errors: ["the store's open incidents could not be read, so nothing was changed: \(error); try again"])
        }
        let old = live.value
        let checks = scheduler.replaceChecks(new.probes.checks, activeFindings: active)
        let incidents = old.probes.plans != new.probes.plans || old.probes.maintenance != new.probes.maintenance
            || old.settings.incidents != new.settings.incidents
        if incidents {
            scheduler.replaceIncidentSettings(
                plans: new.probes.plans, reopenWithin: new.settings.incidents.reopenWithin, maintenance: new.probes.maintenance
            )
        }
        let notify = old.settings.notify != new.settings.notify
        if notify { alerting.apply(new.settings.notify, notifiers: notifiers(new.settings.notify)) }
        metrics?.retain(checks: new.probes.checks)
        live.replace(with: Self.keepingRestartOnly(old, in: new))
        return .applied(ConfigChanges(
            checks: checks, notify: notify, incidents: incidents,
            retention: old.settings.results != new.settings.results, needsRestart: Self.needsRestart(old, new)
        ))
    }

    /// The settings a running daemon cannot change, named as in the settings file.
    static func needsRestart(_ old: Configuration, _ new: Configuration) -> [String] {
        var names: [String] = []
        if old.settings.store != new.settings.store { names.append("store") }
        // The `inbound:` listener's address is bound once; its token and customer are read per request.
        if old.settings.inbound?.host != new.settings.inbound?.host || old.settings.inbound?.port != new.settings.inbound?.port {
            names.append("inbound.listen")
        }
        if old.settings.scheduler.concurrency != new.settings.scheduler.concurrency { names.append("scheduler.concurrency") }
        if old.settings.scheduler.perHostConcurrency != new.settings.scheduler.perHostConcurrency {
            names.append("scheduler.perHostConcurrency")
        }
        if old.settings.cluster != new.settings.cluster { names.append("cluster.lease") }
        return names
    }

    /// `new`, with the settings that need a restart kept as they run, so the configuration in
    /// force describes what the daemon really does.
    static func keepingRestartOnly(_ old: Configuration, in new: Configuration) -> Configuration {
        var kept = new
        kept.settings.store = old.settings.store
        if let bound = old.settings.inbound {
            kept.settings.inbound?.host = bound.host
            kept.settings.inbound?.port = bound.port
        }
        kept.settings.scheduler.concurrency = old.settings.scheduler.concurrency
        kept.settings.scheduler.perHostConcurrency = old.settings.scheduler.perHostConcurrency
        kept.settings.cluster = old.settings.cluster
        return kept
    }
}
