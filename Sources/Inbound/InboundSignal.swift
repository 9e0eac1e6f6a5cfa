import Foundation
import TriageCore

/// What one inbound alert asks of the store: open (or update, or reopen) an incident, or end the
/// one of a key because the sending tool says the fault is over.
public enum InboundSignal: Sendable, Hashable {
    case raise(IncidentReport)
    case resolve(dedupKey: String, at: Date, detail: String)
    /// Accepted and recorded nowhere: a PagerDuty acknowledge (taking in charge is a person's act here).
    case ignore
}
