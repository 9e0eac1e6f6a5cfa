import TriageCore

/// Everything `config/triage.yml` sets: the policy, the case catalogue, the store, and the
/// defaults that every check starts from. Each key left out of the file keeps the default here.
public struct TriageSettings: Sendable {
    /// Take-in-charge deadlines and not-before windows per code; default ``Policy/standard``.
    public var policy: Policy
    /// The typical cases, with their code and fee; incidents and requests are filed under them.
    public var catalogue: Catalogue
    /// Path of the SQLite file or a database URL; nil means the default `var/triage.sqlite`.
    public var store: String?
    public var scheduler: SchedulerSettings
    /// Defaults for every check; a probe file's `defaults:` and a check's `detection:` override them.
    public var detection: DetectionSettings
    public var results: ResultsSettings
    public var incidents: IncidentSettings
    /// Channels, routes, escalation and retries of notifications; default: nothing is sent.
    public var notify: NotifySettings
    /// The receiver of other monitoring tools' alerts; nil runs none.
    public var inbound: InboundSettings?
    /// How nodes sharing a store split the checks (used only by `triage run --node`).
    public var cluster: ClusterSettings
    /// How the web dashboard sets its session cookie.
    public var dashboard: DashboardSettings

    public init(
        policy: Policy = .standard, catalogue: Catalogue = TriageSettings.detectionCatalogue, store: String? = nil,
        scheduler: SchedulerSettings = SchedulerSettings(), detection: DetectionSettings = .standard,
        results: ResultsSettings = ResultsSettings(), incidents: IncidentSettings = IncidentSettings(),
        notify: NotifySettings = NotifySettings(), inbound: InboundSettings? = nil, cluster: ClusterSettings = ClusterSettings(),
        dashboard: DashboardSettings = DashboardSettings()
    ) {
        self.policy = policy
        self.catalogue = catalogue
        self.store = store
        self.scheduler = scheduler
        self.detection = detection
        self.results = results
        self.incidents = incidents
        self.notify = notify
        self.inbound = inbound
        self.cluster = cluster
        self.dashboard = dashboard
    }

    /// The catalogue used when `config/triage.yml` has no `catalogue:` key: only the three RED
    /// cases that automatic detection files incidents under, so Triage runs (and its tests set up)
    /// with an empty settings file. The shipped file lists the policy's whole catalogue.
    public static let detectionCatalogue = Catalogue([
        CatalogueCase(
            id: .siteDown, title: "Website down or not visible", code: .red, fee: .free,
            customerFaultSurcharge: .major(20) ... .major(50)
        ),
        CatalogueCase(
            id: .slowLoad, title: "Website with human-perceived load times over 10 seconds", code: .red, fee: .free,
            customerFaultSurcharge: .major(20) ... .major(50)
        ),
        CatalogueCase(
            id: .repeated5xx, title: "Repeated 5xx-type errors (500, 501, 502)", code: .red, fee: .free,
            customerFaultSurcharge: .major(20) ... .major(50)
        ),
    ])
}

/// How the scheduler shares the machine and the watched servers between checks.
public struct SchedulerSettings: Sendable, Hashable {
    /// Probes in flight at once, across all targets.
    public var concurrency: Int
    /// Probes in flight at once against one host, so Triage never floods a customer's server.
    public var perHostConcurrency: Int
    /// Time between two probes of a check that sets no `interval`.
    public var defaultInterval: Duration
    /// Budget of a probe whose check sets no `timeout`.
    public var defaultTimeout: Duration

    public init(
        concurrency: Int = 256, perHostConcurrency: Int = 8,
        defaultInterval: Duration = .seconds(60), defaultTimeout: Duration = .seconds(30)
    ) {
        self.concurrency = concurrency
        self.perHostConcurrency = perHostConcurrency
        self.defaultInterval = defaultInterval
        self.defaultTimeout = defaultTimeout
    }
}

/// How long probe results are kept for reports.
public struct ResultsSettings: Sendable, Hashable {
    /// Results older than this are deleted; tickets and their events are never deleted.
    public var retention: Duration

    public init(retention: Duration = .seconds(90 * 86_400)) {
        self.retention = retention
    }
}

/// How automatic incidents are reopened instead of duplicated.
public struct IncidentSettings: Sendable, Hashable {
    /// A fault that returns within this time of its incident's resolution reopens that incident.
    public var reopenWithin: Duration

    public init(reopenWithin: Duration = .seconds(30 * 60)) {
        self.reopenWithin = reopenWithin
    }
}

/// How several `triage run --node` processes on one store share the checks.
public struct ClusterSettings: Sendable, Hashable {
    /// How long a node's hold on a check lasts without renewal (renewed every third of it): the
    /// longest a dead node's checks wait before the others take them over.
    public var lease: Duration

    public init(lease: Duration = .seconds(30)) {
        self.lease = lease
    }
}
