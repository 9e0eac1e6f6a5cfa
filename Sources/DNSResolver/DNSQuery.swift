/// One question for the resolver: a name, a record type, the server to ask, and the time allowed.
public struct DNSQuery: Sendable, Hashable {
    /// Asked as written, as a fully qualified name: no search domain is appended.
    public var name: String
    public var type: DNSRecordType
    /// The name server to ask; nil asks the system's resolvers from `/etc/resolv.conf`.
    public var server: DNSServer?
    /// The whole lookup's budget, shared by every server of the system's list; past it the
    /// lookup ends as a timeout.
    public var timeout: Duration

    public init(name: String, type: DNSRecordType, server: DNSServer? = nil, timeout: Duration) {
        self.name = name
        self.type = type
        self.server = server
        self.timeout = timeout
    }
}
