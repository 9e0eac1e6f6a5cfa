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

/// The composition root of `triage run`: configuration → engine → probes → scheduler → store →
/// alerting, wired once here and run as one `ServiceGroup` that stops cleanly on SIGTERM or SIGINT.
///
/// With a `node`, it is one of several nodes sharing the store: a lease service decides which
/// checks it probes; without one it probes every check and touches no lease.
public struct Daemon {
    public var configuration: Configuration
    public var storeLocation: StoreLocation
    public var clock: any TriageClock
    public var logger: Logger
    /// This node's name and location when it shares the store with other nodes; nil alone.
    public var node: ProbeNode?

    public init(
        configuration: Configuration, storeLocation: StoreLocation, clock: any TriageClock = SystemClock(), node: ProbeNode? = nil,
        logger: Logger
    ) {
        self.configuration = configuration
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
        let scheduler = try await makeScheduler(
            store: store, engine: engine, resolver: resolver, ownership: leased ?? EveryCheck(), suspicions: store
        )
        let retention = Retention(
            store: store, retention: configuration.settings.results.retention, clock: clock, logger: logger
        )
        let watcher = DeadlineWatcher(store: store, clock: clock, logger: logger)
        let rollup = ResultRollup(
            store: store, checks: configuration.probes.checks, maintenance: configuration.probes.maintenance, clock: clock
        )
        let notify = configuration.settings.notify
        let alerting = AlertingService(
            outbox: store, notifiers: NotifierRegistry(settings: notify, engine: engine, clock: clock), settings: notify,
            clock: clock, logger: logger
        )
        logger.notice("triage.started", metadata: [
            "store": "\(storeLocation)", "checks": "\(configuration.probes.checks.count)",
            "targets": "\(configuration.probes.targets.count)", "channels": "\(notify.channels.count)",
            "node": "\(node.map { "\($0.name) in \($0.location)" } ?? "alone")",
        ])
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: scheduler), .init(service: retention.service()), .init(service: watcher.service()),
            .init(service: alerting), .init(service: rollup.service(logger: logger)),
        ]
        if let node, let leased {
            // First in the group, so it stops last: the leases are given back once probing has stopped.
            let leases = NodeLeaseService(
                store: store, node: node, checkIDs: configuration.probes.checks.map(\.id),
                lease: configuration.settings.cluster.lease, ownership: leased, clock: clock, logger: logger
            )
            services.insert(.init(service: leases), at: 0)
        }
        if let inbound = configuration.settings.inbound {
            let receiver = InboundReceiver(
                store: store, plans: configuration.probes.plans, reopenWithin: configuration.settings.incidents.reopenWithin,
                defaultCustomer: inbound.defaultCustomer, clock: clock, logger: logger
            )
            services.append(.init(service: InboundServer(receiver: receiver, settings: inbound, logger: logger)))
        }
        var group = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // A service stuck in a store call must not keep `systemctl stop` waiting for ever: after
        // this, graceful shutdown becomes cancellation (buffered results are still written).
        group.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        try await ServiceGroup(configuration: group).run()
    }

    /// How long SIGTERM waits for probes in flight and services to finish before cancelling them.
    public static let gracefulShutdownLimit = Duration.seconds(20)

    /// The scheduler over every configured check, resuming the incidents already open in the store;
    /// it probes the checks `ownership` says this node holds, and confirms outages from several
    /// locations through `suspicions` (checks with `confirm:`).
    public func makeScheduler(
        store: any TicketStore, engine: CurlEngine, resolver: DNSResolver, ownership: any CheckOwnership = EveryCheck(),
        suspicions: (any Suspicions & WorkLeases)? = nil
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
            ownership: ownership, node: node, suspicions: suspicions,
            logger: logger
        )
    }
}
