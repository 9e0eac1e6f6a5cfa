import Foundation
import TicketStore
import TriageCore

/// The recent suspicions (outages waiting for, or judged by, other locations), for a terminal:
/// which locations saw the check fail and which saw it fine, so an operator sees why an outage
/// one node reported was or was not raised.
public struct SuspicionTable: Renderer {
    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    public func render(_ suspicions: [Suspicion]) -> String {
        guard !suspicions.isEmpty else { return "No outage has waited for confirmation from other locations on this store." }
        return TextTable.render(
            header: ["ID", "CHECK", "KIND", "OPENED (UTC)", "BY", "NEEDS", "STATE", "FAILED FROM", "FINE FROM"],
            rows: suspicions.map { suspicion in
                [
                    "\(suspicion.id)", suspicion.checkID, suspicion.kind.rawValue, TextTable.utc(suspicion.openedAt),
                    suspicion.openedBy, "\(suspicion.required)", state(of: suspicion),
                    locations(of: suspicion, failed: true), locations(of: suspicion, failed: false),
                ]
            }
        )
    }

    /// `confirmed` or `not-confirmed` once decided; `open` while its window lasts; `expired` when it
    /// ended undecided (its node stopped before deciding).
    private func state(of suspicion: Suspicion) -> String {
        if let outcome = suspicion.outcome { return outcome.rawValue }
        return suspicion.expiresAt > now ? "open" : "expired"
    }

    private func locations(of suspicion: Suspicion, failed: Bool) -> String {
        let names = Set(suspicion.verdicts.filter { $0.failed == failed }.map(\.location)).sorted()
        return names.isEmpty ? "-" : names.joined(separator: ",")
    }
}
