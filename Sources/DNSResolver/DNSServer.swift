/// A name server to ask instead of the system's (`/etc/resolv.conf`): an IP address and a port.
public struct DNSServer: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 or IPv6 address; c-ares takes no host name for a server.
    public var address: String
    public var port: Int

    public init(address: String, port: Int = 53) {
        self.address = address
        self.port = port
    }

    /// `127.0.0.1:5353` or `[::1]:5353`, the form `ares_set_servers_ports_csv` reads.
    public var description: String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
