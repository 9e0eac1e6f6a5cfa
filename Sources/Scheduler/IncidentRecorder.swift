import Detection
import Foundation
import Logging
import TicketStore
import TriageCore

/// Applies detection verdicts to the ticket store: opens incidents for raised findings and
/// resolves recovered ones, with the customer's own deadlines when it has a support plan.
///
/// A finding inside a maintenance window is opened as planned (on record, paged to nobody), or,
/// in a silence, not opened: it is retracted from the detector, so a fault that outlasts the
/// window is raised by the first bad result after it.
///
/// With several nodes, each finding's evidence names the node and location that saw it, so an
/// outage two nodes confirmed shows both on its one incident.
struct IncidentRecorder: Sendable {
    let store: any TicketStore
    let plans: SupportPlans
    let reopenWithin: Duration
    let maintenance: MaintenanceCalendar
    let node: ProbeNode?
    let logger: Logger

    /// Opens the suspicions of findings that other locations must confirm (nil: raise at once).
    var confirmer: LocationConfirmer?

    /// Stores the verdict. A finding the store could not take is retracted from the detector, so
    /// the next bad result raises it again rather than the incident being silently lost. An outage
    /// on a check that needs other locations' confirmation becomes a suspicion instead (the
    /// detector keeps it active meanwhile; the confirmer retracts it if it is not confirmed).
    func apply(_ verdict: Verdict, at now: Date, to detector: inout CheckDetector) async {
        for raised in verdict.raised {
            var finding = raised
            if let node { finding.evidence.append(node.evidence) }
            if let window = maintenance.window(covering: detector.check, at: finding.detectedAt) {
                guard window.mode == .planned else {
                    detector.retract(finding.kind)
                    logger.debug("incident.silenced", metadata: ["check.id": "\(finding.checkID)", "maintenance": "\(window.name)"])
                    continue
                }
                finding.planned = true
                finding.summary += " (during planned maintenance \(window.name))"
            }
            let stored = if let confirmer, detector.check.confirm.applies(to: finding.kind) {
                await confirmer.suspect(finding, check: detector.check)
            } else {
                await raise(finding)
            }
            if !stored { detector.retract(finding.kind) }
        }
        for kind in verdict.recovered {
            await confirmer?.recovered(detector.check.id, kind: kind)
            let key = Finding.dedupKey(checkID: detector.check.id, kind: kind)
            do {
                if let ticket = try await store.recover(dedupKey: key, at: now, detail: "\(kind.rawValue) cleared by probes") {
                    logger.notice("incident.recovered", metadata: ["incident.id": "\(ticket.id)", "check.id": "\(detector.check.id)"])
                }
            } catch {
                detector.reinstate(kind)
                logger.error("incident.recover_failed", metadata: ["check.id": "\(detector.check.id)", "error": "\(error)"])
            }
        }
    }

    /// Opens (or updates) the finding's incident; false when the store failed.
    func raise(_ finding: Finding) async -> Bool {
        do {
            let change = try await store.raise(finding, plans: plans, reopenWithin: reopenWithin)
            log(change, finding)
            return true
        } catch {
            logger.error("incident.raise_failed", metadata: ["check.id": "\(finding.checkID)", "error": "\(error)"])
            return false
        }
    }

    private func log(_ change: IncidentChange, _ finding: Finding) {
        let ticket = change.ticket
        let metadata: Logger.Metadata = [
            "incident.id": "\(ticket.id)", "incident.code": "\(ticket.code.rawValue)",
            "check.id": "\(finding.checkID)", "finding.kind": "\(finding.kind.rawValue)",
        ]
        switch change {
        case .opened: logger.warning("incident.opened", metadata: metadata)
        case .reopened: logger.warning("incident.reopened", metadata: metadata)
        case .updated: logger.info("incident.evidence", metadata: metadata)
        }
    }
}
