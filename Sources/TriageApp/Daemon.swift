import Alerting
import CurlEngine
import DNSResolver
import Foundation
import Inbound
import Logging
import Notifiers
import Probes
import Scheduler
import ServiceLifecycle
import TicketStore
import TriageConfig
import TriageCore
import TriageMetrics

/// The composition root of `triage run`: configuration → engine → probes → scheduler → store →
/// alerting, wired once here and run as one `ServiceGroup` that stops cleanly on SIGTERM or SIGINT.
///
/// With a `node`, it is one of several nodes sharing the store: a lease service decides which
/// checks it probes; without one it probes every check and touches no lease.
///
/// With `files`, SIGHUP re-reads them and applies them if valid (`ConfigReloader`); the same
/// reloader and the Prometheus metrics (`TriageMetrics`) are what an HTTP server mounts.
public struct Daemon {
    public var configuration: Configuration
    public var storeLocation: StoreLocation
    public var clock: any TriageClock
    public var logger: Logger
    /// This node's name and location when it shares the store with other nodes; nil alone.
    public var node: ProbeNode?
    /// Services the composition root adds that this module cannot build, each made from the
    /// daemon's parts and appended to its group: the HTTP API of `triage run --http` (it lives in
    /// `TriageServer`, which depends on this module).
    public var extraServices: [@Sendable (DaemonParts) -> any Service] = []
    /// Where `configuration` was read from, read again on SIGHUP; nil: no reload.
    public var files: ConfigurationFiles?

    public init(
        configuration: Configuration, storeLocation: StoreLocation, clock: any TriageClock = SystemClock(), node: ProbeNode? = nil,
        files: ConfigurationFiles? = nil, logger: Logger
    ) {
        self.configuration = configuration
        self.files = files
        self.storeLocation = storeLocation
        self.clock = clock
        self.node = node
        self.logger = logger
    }

    /// Runs until a termination signal; returns after in-flight results are written.
    public func run() async throws {
        let store = try await StoreFactory.open(storeLocation, clock: clock)
        let engine = try CurlEngine(logger: logger)
        defer { engine.shutdown() }
        let resolver = try DNSResolver(logger: logger)
        defer { resolver.shutdown() }
        let leased = node.map { _ in LeasedChecks() }
        let metrics = TriageMetrics(store: store, clock: clock)
        let scheduler = try await makeScheduler(
            store: store, engine: engine, resolver: resolver, ownership: leased ?? EveryCheck(), observer: metrics,
            suspicions: store
        )
        let live = LiveConfiguration(configuration)
        let watcher = DeadlineWatcher(store: store, clock: clock, logger: logger)
        let notify = configuration.settings.notify
        let notifiers: @Sendable (NotifySettings) -> NotifierRegistry = { [clock] in
            NotifierRegistry(settings: $0, engine: engine, clock: clock)
        }
        let alerting = AlertingService(
            outbox: store, notifiers: notifiers(notify), settings: notify, clock: clock, logger: logger, observer: metrics
        )
        logger.notice("triage.started", metadata: [
            "store": "\(storeLocation)", "checks": "\(configuration.probes.checks.count)",
            "targets": "\(configuration.probes.targets.count)", "channels": "\(notify.channels.count)",
            "node": "\(node.map { "\($0.name) in \($0.location)" } ?? "alone")",
        ])
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: scheduler), .init(service: retention(live, store: store)), .init(service: watcher.service()),
            .init(service: alerting), .init(service: rollup(live, store: store)),
        ]
        var reloader: ConfigReloader?
        if let files {
            let hangup = ConfigReloader(
                load: { () throws(ConfigErrors) -> Configuration in try files.load() }, live: live, store: store, scheduler: scheduler,
                alerting: alerting, notifiers: notifiers, metrics: metrics, logger: logger
            )
            services.append(.init(service: HangupReload(reloader: hangup)))
            reloader = hangup
        }
        if let node, let leased {
            // First in the group, so it stops last: the leases are given back once probing has stopped.
            let leases = NodeLeaseService(
                store: store, node: node, checkIDs: { live.value.probes.checks.map(\.id) },
                lease: configuration.settings.cluster.lease, ownership: leased, clock: clock, logger: logger
            )
            services.insert(.init(service: leases), at: 0)
        }
        if let inbound = configuration.settings.inbound {
            // Its address is bound once; its token and mapping follow a reload, as on `--http`'s API server.
            let routes = InboundRoutes(store: store, clock: clock) { live.value }
            services.append(.init(service: InboundServer(routes: routes, host: inbound.host, port: inbound.port, logger: logger)))
        }
        let parts = DaemonParts(store: store, clock: clock, live: live, metrics: metrics, reloader: reloader)
        services += extraServices.map { .init(service: $0(parts)) }
        var group = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // A service stuck in a store call must not keep `systemctl stop` waiting for ever: after
        // this, graceful shutdown becomes cancellation (buffered results are still written).
        group.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        // And a service that ignores cancellation too is a bug: the process then ends on a fatal
        // error (its crash report shows the threads) rather than hang until systemd's SIGKILL.
        group.maximumCancellationDuration = Self.cancellationLimit
        try await ServiceGroup(configuration: group).run()
    }

    /// Prunes results and suspicions older than the retention in force (a reload changes it) every hour.
    private func retention(_ live: LiveConfiguration, store: any SharedStore) -> PeriodicService {
        PeriodicService(period: .seconds(3600), clock: clock) { [clock, logger] in
            await Retention(store: store, retention: live.value.settings.results.retention, clock: clock, logger: logger).prune()
        }
    }

    /// Rolls up the checks in force (a reload changes them) every five minutes.
    private func rollup(_ live: LiveConfiguration, store: any SharedStore) -> PeriodicService {
        PeriodicService(period: .seconds(300), clock: clock) { [clock, logger] in
            let probes = live.value.probes
            await ResultRollup(store: store, checks: probes.checks, maintenance: probes.maintenance, clock: clock)
                .catchUpLogged(logger: logger)
        }
    }

    /// How long SIGTERM waits for probes in flight and services to finish before cancelling them.
    public static let gracefulShutdownLimit = Duration.seconds(20)

    /// How long cancelled services have to return, after `gracefulShutdownLimit`, before the process stops on a fatal error.
    public static let cancellationLimit = Duration.seconds(10)

    /// The scheduler over every configured check, resuming the incidents already open in the store;
    /// it probes the checks `ownership` says this node holds, and confirms outages from several
    /// locations through `suspicions` (checks with `confirm:`).
    public func makeScheduler(
        store: any TicketStore, engine: CurlEngine, resolver: DNSResolver, ownership: any CheckOwnership = EveryCheck(),
        observer: (any ProbeObserver)? = nil, suspicions: (any Suspicions & WorkLeases)? = nil
    ) async throws -> ProbeScheduler {
        let settings = configuration.settings
        let plans = configuration.probes.plans
        let registry = ProbeRegistry(engine: engine, resolver: resolver, clock: clock)
        return ProbeScheduler(
            checks: configuration.probes.checks,
            activeFindings: try await store.activeDedupKeys(),
            runner: node.map { NodeUserAgent(runner: registry, node: $0) as any CheckRunner } ?? registry,
            store: store, clock: clock,
            concurrency: settings.scheduler.concurrency,
            perHostConcurrency: settings.scheduler.perHostConcurrency,
            plans: plans,
            reopenWithin: settings.incidents.reopenWithin,
            maintenance: configuration.probes.maintenance,
            ownership: ownership, node: node, observer: observer, suspicions: suspicions,
            logger: logger
        )
    }
}
