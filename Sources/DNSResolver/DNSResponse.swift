/// What a lookup returned: the records, or why there were none, and how long it took.
public struct DNSResponse: Sendable, Hashable {
    /// The records of the asked type (an A query through an alias lists the addresses only).
    public var records: [DNSRecord]
    /// Set when the lookup failed; `records` is then empty.
    public var error: DNSLookupError?
    /// The DNS response code when a server answered (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED).
    public var responseCode: Int?
    /// Seconds from the query's start to its end.
    public var duration: Double

    public init(records: [DNSRecord], error: DNSLookupError?, responseCode: Int?, duration: Double) {
        self.records = records
        self.error = error
        self.responseCode = responseCode
        self.duration = duration
    }
}
