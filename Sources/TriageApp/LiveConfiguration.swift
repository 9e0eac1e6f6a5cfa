import Synchronization

/// The configuration in force in a running daemon, swapped whole by a reload. The periodic
/// services (roll-up, retention, node leases) read it at each turn, so a reload reaches them
/// without them being told; a server building a desk reads the catalogue and plans from it.
public final class LiveConfiguration: Sendable {
    private let current: Mutex<Configuration>

    public init(_ configuration: Configuration) {
        current = Mutex(configuration)
    }

    /// The configuration in force now.
    public var value: Configuration { current.withLock { $0 } }

    func replace(with configuration: Configuration) {
        current.withLock { $0 = configuration }
    }
}
