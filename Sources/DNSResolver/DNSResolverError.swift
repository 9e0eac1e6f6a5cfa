/// The resolver itself failed, not a lookup: no verdict on any name server.
public enum DNSResolverError: Error, Sendable, Hashable {
    /// The resolver is, or got, shut down while the lookup waited.
    case shutdown
    /// The eventfd that wakes the I/O thread could not be created.
    case wakeDescriptorFailed(errno: Int32)
    /// `ares_library_init` failed with this status.
    case libraryInitFailed(status: Int32)
}
