import Foundation

/// A hosted site (or host) that Triage watches, with the checks that run against it.
///
/// Its id is `customer/site`, unique across `probes/`; tickets and results refer to it by that id.
public struct Target: Sendable, Hashable {
    public var id: String
    public var customer: String
    public var name: String
    public var checks: [Check]

    public init(customer: String, name: String, checks: [Check]) {
        self.id = "\(customer)/\(name)"
        self.customer = customer
        self.name = name
        self.checks = checks
    }
}

/// One check of a target: what to probe, how often, and when it counts as slow.
///
/// Its id is `customer/site/check`, the key under which results are stored and incidents deduplicated.
public struct Check: Sendable, Hashable {
    public var id: String
    public var targetID: String
    public var customer: String
    public var name: String
    public var spec: CheckSpec
    /// Time between two probes of this check.
    public var interval: Duration
    /// The whole probe's budget; past it the probe ends as a timeout.
    public var timeout: Duration
    /// The detection thresholds of this check.
    public var detection: DetectionSettings
    /// How many locations must see an outage before it is raised.
    public var confirm: LocationConfirmation

    public init(
        targetID: String, customer: String, name: String, spec: CheckSpec,
        interval: Duration, timeout: Duration, detection: DetectionSettings, confirm: LocationConfirmation = .single
    ) {
        self.id = "\(targetID)/\(name)"
        self.targetID = targetID
        self.customer = customer
        self.name = name
        self.spec = spec
        self.interval = interval
        self.timeout = timeout
        self.detection = detection
        self.confirm = confirm
    }

    /// The host that politeness limits count against (a check never floods one server).
    public var host: String { spec.host }
}

/// What kind of probe a check runs, with that kind's settings. One case per probe kind; the
/// compiler makes every switch over it (probe registry, config) handle each kind.
public enum CheckSpec: Sendable, Hashable {
    case http(HTTPCheckSpec)
    case tcp(TCPCheckSpec)
    case tls(TLSCheckSpec)
    case content(ContentCheckSpec)
    case page(PageCheckSpec)
    case dns(DNSCheckSpec)
    case smtp(SMTPCheckSpec)
    case imap(IMAPCheckSpec)
    case pop3(POP3CheckSpec)
    case mail(MailCheckSpec)
    case cache(CacheCheckSpec)

    /// The kind's name as written in `probes/*.yml` and shown in results.
    public var kindName: String {
        switch self {
        case .http: "http"
        case .tcp: "tcp"
        case .tls: "tls"
        case .content: "content"
        case .page: "page"
        case .dns: "dns"
        case .smtp: "smtp"
        case .imap: "imap"
        case .pop3: "pop3"
        case .mail: "mail"
        case .cache: "cache"
        }
    }

    public var host: String {
        switch self {
        case .http(let spec): spec.url.host ?? ""
        case .tcp(let spec): spec.host
        case .tls(let spec): spec.url.host ?? ""
        case .content(let spec): spec.url.host ?? ""
        case .page(let spec): spec.url.host ?? ""
        case .dns(let spec): spec.host
        case .smtp(let spec): spec.server.host
        case .imap(let spec): spec.server.host
        case .pop3(let spec): spec.server.host
        case .mail(let spec): spec.smtp.host
        case .cache(let spec): spec.edge.host ?? ""
        }
    }
}

/// An HTTP(S) availability and content check.
public struct HTTPCheckSpec: Sendable, Hashable {
    public var url: URL
    public var method: String
    /// Status codes that count as up. Empty means any 2xx or 3xx.
    public var expectedStatus: Set<Int>
    /// Text the body must contain (a page that answers 200 but shows nothing is not visible).
    public var mustContain: [String]
    /// Text the body must not contain (an error page served with 200).
    public var mustNotContain: [String]
    /// Redirects followed before the probe gives up with "too many redirects".
    public var maxRedirects: Int
    /// The most body bytes read; a larger body is cut there and checked on what was read.
    public var maxBodyBytes: Int
    /// Extra request headers.
    public var headers: [String: String]
    /// Verify the server's TLS certificate and host name.
    public var verifyTLS: Bool
    /// A PEM file of the certificate authorities to trust instead of the system's, for sites
    /// signed by a private CA; nil trusts the system store.
    public var caFile: String?

    public init(
        url: URL, method: String = "GET", expectedStatus: Set<Int> = [], mustContain: [String] = [],
        mustNotContain: [String] = [], maxRedirects: Int = 5, maxBodyBytes: Int = 1 << 20,
        headers: [String: String] = [:], verifyTLS: Bool = true, caFile: String? = nil
    ) {
        self.url = url
        self.method = method
        self.expectedStatus = expectedStatus
        self.mustContain = mustContain
        self.mustNotContain = mustNotContain
        self.maxRedirects = maxRedirects
        self.maxBodyBytes = maxBodyBytes
        self.headers = headers
        self.verifyTLS = verifyTLS
        self.caFile = caFile
    }

    /// Whether `status` counts as up for this check.
    public func accepts(status: Int) -> Bool {
        expectedStatus.isEmpty ? (200..<400).contains(status) : expectedStatus.contains(status)
    }
}
