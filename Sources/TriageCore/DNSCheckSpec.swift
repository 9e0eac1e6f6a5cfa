/// A DNS check: `name` must resolve to records of `type`, with every `expect`ed record among
/// them, at the name server visitors reach (`server`) or at the system's resolvers.
///
/// A name that stops resolving, or resolves to the wrong address, hides every site and mailbox
/// behind it however healthy the servers are, so a failed DNS check is an outage (site-down);
/// a name server that cannot be reached at all (network or host unreachable) is a network failure.
public struct DNSCheckSpec: Sendable, Hashable {
    /// The record types a check can ask for.
    public enum RecordType: String, Sendable, Hashable, CaseIterable {
        case a = "A"
        case aaaa = "AAAA"
        case cname = "CNAME"
        case mx = "MX"
        case txt = "TXT"
        case ns = "NS"
    }

    /// A name server given by address, as the probe asks it directly.
    public struct Server: Sendable, Hashable, CustomStringConvertible {
        /// An IPv4 or IPv6 address, in its canonical text form.
        public var address: String
        public var port: Int

        public init(address: String, port: Int = 53) {
            self.address = address
            self.port = port
        }

        /// `192.0.2.53:53` or `[2001:db8::53]:53`.
        public var description: String {
            address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
        }
    }

    /// The name asked, as written (fully qualified: no search domain is appended), lowercase.
    public var name: String
    public var type: RecordType
    /// Records that must all be in the answer; others may be there too (a second address added
    /// for load is no outage). Written as a zone file writes them and normalised when the
    /// configuration is read: addresses canonical, names lowercase without the final dot, an MX
    /// as `10 mail.example.com` or, any preference, `mail.example.com`. Empty: any record of
    /// `type` will do.
    public var expect: [String]
    /// The name server to ask; nil asks the system's resolvers (`/etc/resolv.conf`).
    public var server: Server?

    public init(name: String, type: RecordType, expect: [String] = [], server: Server? = nil) {
        self.name = name
        self.type = type
        self.expect = expect
        self.server = server
    }

    /// What politeness limits count against: the name server asked, else the name itself,
    /// whose own authoritative servers carry the load behind the system's caching resolver.
    public var host: String { server?.address ?? name }
}
