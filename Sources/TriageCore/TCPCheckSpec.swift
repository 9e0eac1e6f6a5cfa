/// A TCP connect check: a port that must accept a connection, such as a database or a mail
/// server that has no web page to load.
public struct TCPCheckSpec: Sendable, Hashable {
    /// The host name or address to connect to.
    public var host: String
    /// The port, 1 to 65535.
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}
