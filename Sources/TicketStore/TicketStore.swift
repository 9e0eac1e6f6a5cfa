import Foundation
import TriageCore

/// The shared ticket store: incidents raised by probes, tickets filed by people, and probe results.
///
/// One protocol, several backends (`SQLiteStore` embedded, PostgreSQL shared); every backend passes
/// the same contract suite (`TriageTesting.TicketStoreContract`). The store, not its callers,
/// guarantees "one active incident per dedup key" and "one winner per desk action", so two writers
/// (two processes, two nodes) racing on the same outage or the same ticket never both succeed.
///
/// ```swift
/// let store: any TicketStore = try SQLiteTicketStore(path: "var/triage.sqlite")
/// try await store.migrate()
/// let change = try await store.raise(finding, plans: plans, reopenWithin: .seconds(1800))
/// let taken = try await store.apply(
///     .take(overrideReason: nil), to: change.ticket.id, by: "ana", at: clock.now, plans: plans, catalogue: catalogue
/// )
/// ```
public protocol TicketStore: Sendable {
    /// Applies the named migrations this store does not have yet and returns their names, in order
    /// (empty when it had them all). Every backend has the same names, in the same order.
    ///
    /// - Throws: `TicketStoreError` when the store has a migration this build does not know
    ///   (`SchemaHistory`): a newer release migrated it, and this one must not write to it.
    @discardableResult
    func migrate() async throws -> [String]

    /// Appends probe results (batched by the caller; one transaction per call).
    func record(_ results: [ProbeResult]) async throws

    /// Opens an incident for `report`, or, when an active one has its dedup key, appends the
    /// report as evidence to it. A resolved incident of the same key resolved less than
    /// `reopenWithin` ago is reopened instead of duplicated. Deadlines follow the report's
    /// customer's plan, so automatic incidents honour custom support plans like filed tickets.
    /// Triage's findings and other tools' alerts (`report.source`) go the same way.
    func raise(_ report: IncidentReport, plans: SupportPlans, reopenWithin: Duration) async throws -> IncidentChange

    /// Marks the active incident with `dedupKey` as recovered: an untaken one is resolved
    /// automatically; a taken one keeps its owner and gets a `recovered` event. Nil when none is active.
    func recover(dedupKey: String, at: Date, detail: String) async throws -> Ticket?

    /// Files a ticket a person wrote or another tool sent. Its deadline and not-before time come
    /// from `plans.policy(for: ticket.customer)` counted from `at`; its audit trail starts with an
    /// `opened` event by `ticket.openedBy` at `at`.
    func file(_ ticket: NewTicket, plans: SupportPlans, at: Date) async throws -> Ticket

    /// Applies a desk action as one atomic step: reads the ticket, runs `TicketDesk` with the
    /// customer's plan and `catalogue`, writes the changed ticket and appends its events.
    ///
    /// Two writers acting on one ticket at once (two people taking it from two processes) are
    /// serialized: the second sees the first one's change, so exactly one take wins and the other
    /// gets `.notAllowed(..., status: .taken)`.
    ///
    /// - Throws: `TicketActionError` exactly as the desk (or `.unknownTicket(id)`) raised it, so the
    ///   CLI can print it; nothing is written then. `TicketStoreError` when the store itself fails.
    func apply(
        _ action: TicketAction, to id: Int64, by actor: String, at: Date, plans: SupportPlans, catalogue: Catalogue
    ) async throws -> Ticket

    /// Records take-in-charge breaches as they happen: every ticket still `open` (untaken) whose
    /// deadline is before `now` and whose breach is not recorded yet gets `breachRecordedAt = now`
    /// and a `breached` event by `triage`. Returns those tickets, by deadline; calling it again
    /// returns only breaches that happened since, so the daemon can alert on each one once.
    func recordBreaches(at now: Date) async throws -> [Ticket]

    /// Dedup keys of the active automatic incidents, so detection resumes after a restart.
    func activeDedupKeys() async throws -> Set<String>

    /// Tickets matching `filter`, newest first.
    func tickets(_ filter: TicketFilter) async throws -> [Ticket]

    /// How many tickets match `filter`, ignoring its limit and offset (the API's page total).
    func ticketCount(_ filter: TicketFilter) async throws -> Int

    /// One page of the work queue, ordered as `WorkQueue.order` orders it (code's urgency, then
    /// deadline, then id), with the queue's length, read in one consistent snapshot.
    func workQueue(_ query: WorkQueueQuery) async throws -> WorkQueuePage

    /// One ticket by id, nil when unknown.
    func ticket(id: Int64) async throws -> Ticket?

    /// A ticket's audit trail, oldest first.
    func events(ticketID: Int64) async throws -> [TicketEvent]

    /// The audit trails of many tickets in a few queries (a report shows thousands of RED
    /// timelines): each ticket's oldest first; a ticket without events has no entry.
    func events(ticketIDs: [Int64]) async throws -> [Int64: [TicketEvent]]

    /// The stored results of one check in `[from, to)`, oldest first.
    func results(checkID: String, from: Date, to: Date) async throws -> [ProbeResult]

    /// The newest stored result in `[from, to)` of each of `checkIDs`, by check id; a check with
    /// none has no entry. The board shows thousands of checks at once: one call, not one per check.
    func latestResults(checkIDs: [String], from: Date, to: Date) async throws -> [String: ProbeResult]

    /// Deletes probe results older than `cutoff` (retention); returns how many were deleted.
    func pruneResults(before cutoff: Date) async throws -> Int
}

extension TicketStore {
    /// Raises the incident of one of Triage's own findings (see `raise(_:plans:reopenWithin:)` for reports).
    public func raise(_ finding: Finding, plans: SupportPlans, reopenWithin: Duration) async throws -> IncidentChange {
        try await raise(finding.report, plans: plans, reopenWithin: reopenWithin)
    }
}

/// What `raise` did.
public enum IncidentChange: Sendable, Hashable {
    /// A new incident was opened.
    case opened(Ticket)
    /// An active incident already covered it; the finding was added as evidence.
    case updated(Ticket)
    /// A recently resolved incident was reopened.
    case reopened(Ticket)

    public var ticket: Ticket {
        switch self {
        case .opened(let ticket), .updated(let ticket), .reopened(let ticket): ticket
        }
    }
}

/// A ticket filed by a person or received from another tool: what they say, before the store
/// gives it an id, a status and the deadlines of the customer's plan.
public struct NewTicket: Sendable, Hashable {
    public var code: TriageCode
    /// `.manual` or `.inbound`; tickets from Triage's own probes are raised, not filed.
    public var source: TicketSource
    public var customer: String
    public var targetID: String?
    /// The catalogue case, which decides the fee when the ticket is resolved.
    public var caseID: CaseID?
    public var summary: String
    /// Who filed it (a person, or the sending tool): the actor of the `opened` event.
    public var openedBy: String

    public init(
        code: TriageCode, source: TicketSource = .manual, customer: String, targetID: String? = nil,
        caseID: CaseID? = nil, summary: String, openedBy: String
    ) {
        self.code = code
        self.source = source
        self.customer = customer
        self.targetID = targetID
        self.caseID = caseID
        self.summary = summary
        self.openedBy = openedBy
    }
}

/// Which tickets to list.
public struct TicketFilter: Sendable, Hashable {
    public var statuses: Set<TicketStatus>
    public var codes: Set<TriageCode>
    public var customer: String?
    /// Only tickets filed under this catalogue case, such as every `restore-database-backup` to bill.
    public var caseID: CaseID?
    /// Only tickets that were active at some time within the interval: opened before its end and
    /// not ended before its start. A report reads its period's tickets (those opened, resolved or
    /// down in it) this way, not the whole history of the store.
    public var activeWithin: DateInterval?
    /// Only tickets of this site (target id), such as `acme/www`.
    public var targetID: String?
    public var limit: Int
    /// How many of the matching tickets (newest first) to skip: the API's paging.
    public var offset: Int

    /// No constraint: empty sets and nil mean "any".
    public init(
        statuses: Set<TicketStatus> = [], codes: Set<TriageCode> = [], customer: String? = nil, caseID: CaseID? = nil,
        activeWithin: DateInterval? = nil, targetID: String? = nil, limit: Int = 1000, offset: Int = 0
    ) {
        self.statuses = statuses
        self.codes = codes
        self.customer = customer
        self.caseID = caseID
        self.activeWithin = activeWithin
        self.targetID = targetID
        self.limit = limit
        self.offset = offset
    }
}

/// Why a store operation failed, with what to do about it.
public struct TicketStoreError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var location: String
    public var message: String

    public init(operation: String, location: String, message: String) {
        self.operation = operation
        self.location = location
        self.message = message
    }

    public var description: String { "ticket store \(location): \(operation) failed: \(message)" }
}
