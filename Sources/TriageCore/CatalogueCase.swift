/// A stable identifier of a catalogue case, such as `site-down` or `restore-database-backup`.
public struct CaseID: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
}

/// One typical case of the policy's catalogue: its code, its fee, and whether the customer-fault
/// surcharge (20 to 50 EUR, cases marked ✱ in the policy) may apply.
public struct CatalogueCase: Sendable, Hashable {
    public var id: CaseID
    public var title: String
    public var code: TriageCode
    public var fee: Fee
    /// The range of the surcharge when the customer caused the problem; nil when it never applies.
    public var customerFaultSurcharge: ClosedRange<Money>?

    public init(id: CaseID, title: String, code: TriageCode, fee: Fee, customerFaultSurcharge: ClosedRange<Money>? = nil) {
        self.id = id
        self.title = title
        self.code = code
        self.fee = fee
        self.customerFaultSurcharge = customerFaultSurcharge
    }
}

extension CaseID {
    /// The catalogue cases that automatic detection raises; the shipped catalogue must define them.
    public static let siteDown: CaseID = "site-down"
    public static let slowLoad: CaseID = "slow-load"
    public static let repeated5xx: CaseID = "repeated-5xx"
    public static let certificateExpiring: CaseID = "certificate-expiring"
    public static let defaced: CaseID = "defaced"
    public static let slowLoadWarning: CaseID = "slow-load-warning"
    public static let networkFailure: CaseID = "network-failure"
    /// Mail checks' outages (the policy's "Unable to send or receive e-mail").
    public static let mailSendReceive: CaseID = "mail-send-receive"
    /// A mail round trip slower than its `warnAfter` (YELLOW; not a policy case, added for detection).
    public static let mailDeliverySlow: CaseID = "mail-delivery-slow"
    public static let cacheNotRefreshing: CaseID = "cache-not-refreshing"
}

/// The catalogue of typical cases, looked up by id.
public struct Catalogue: Sendable {
    public private(set) var cases: [CatalogueCase]
    private var byID: [CaseID: Int]

    public init(_ cases: [CatalogueCase]) {
        self.cases = cases
        byID = Dictionary(cases.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: CaseID) -> CatalogueCase? {
        byID[id].map { cases[$0] }
    }
}
