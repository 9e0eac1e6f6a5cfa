import Foundation
import TicketStore
import TriageCore
import TriageMetrics

/// What a running daemon shares with the services its composition root adds (the HTTP API):
/// the store, the configuration in force (a reload replaces it), the metrics the scheduler and
/// alerting feed, and the reloader when the daemon knows its files.
public struct DaemonParts: Sendable {
    public let store: any SharedStore
    public let clock: any TriageClock
    let live: LiveConfiguration
    public let metrics: TriageMetrics
    public let reloader: ConfigReloader?

    /// The configuration in force now.
    public var configuration: Configuration { live.value }
}
