/// The receiver of other monitoring tools' alerts (`inbound:` in `config/triage.yml`): where it
/// listens, the token senders must present, and the customer of alerts that name none.
public struct InboundSettings: Sendable, Hashable {
    /// An address to bind, such as 127.0.0.1; `0.0.0.0` accepts other machines.
    public var host: String
    public var port: Int
    /// Alertmanager sends it as `Authorization: Bearer <token>`; PagerDuty-style senders as their `routing_key`.
    public var token: Secret
    /// The customer of an alert without a `customer` label (or custom detail).
    public var defaultCustomer: String

    public init(host: String, port: Int, token: Secret, defaultCustomer: String = "unassigned") {
        self.host = host
        self.port = port
        self.token = token
        self.defaultCustomer = defaultCustomer
    }
}
