import Foundation
import TriageCore

/// The shared ticket store: incidents raised by probes, tickets filed by people, and probe results.
///
/// One protocol, several backends (`SQLiteStore` embedded, PostgreSQL shared); every backend passes
/// the same contract suite (`TriageTesting.TicketStoreContract`). The store, not its callers,
/// guarantees "one active incident per dedup key", so two writers (two processes, two nodes)
/// racing on the same outage still produce one incident.
///
/// ```swift
/// let store: any TicketStore = try SQLiteTicketStore(path: "var/triage.sqlite")
/// try await store.migrate()
/// let change = try await store.raise(finding, policy: .standard, caseCode: .red)
/// ```
public protocol TicketStore: Sendable {
    /// Applies the named migrations this store does not have yet.
    func migrate() async throws

    /// Appends probe results (batched by the caller; one transaction per call).
    func record(_ results: [ProbeResult]) async throws

    /// Opens an incident for `finding`, or, when an active one has its dedup key, appends the
    /// finding as evidence to it. A resolved incident of the same key resolved less than
    /// `reopenWithin` ago is reopened instead of duplicated.
    func raise(_ finding: Finding, policy: Policy, reopenWithin: Duration) async throws -> IncidentChange

    /// Marks the active incident with `dedupKey` as recovered: an untaken one is resolved
    /// automatically; a taken one keeps its owner and gets a `recovered` event. Nil when none is active.
    func recover(dedupKey: String, at: Date, detail: String) async throws -> Ticket?

    /// Dedup keys of the active automatic incidents, so detection resumes after a restart.
    func activeDedupKeys() async throws -> Set<String>

    /// Tickets matching `filter`, newest first.
    func tickets(_ filter: TicketFilter) async throws -> [Ticket]

    /// One ticket by id, nil when unknown.
    func ticket(id: Int64) async throws -> Ticket?

    /// A ticket's audit trail, oldest first.
    func events(ticketID: Int64) async throws -> [TicketEvent]

    /// The stored results of one check in `[from, to)`, oldest first.
    func results(checkID: String, from: Date, to: Date) async throws -> [ProbeResult]

    /// Deletes probe results older than `cutoff` (retention); returns how many were deleted.
    func pruneResults(before cutoff: Date) async throws -> Int
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

/// Which tickets to list.
public struct TicketFilter: Sendable, Hashable {
    public var statuses: Set<TicketStatus>
    public var codes: Set<TriageCode>
    public var customer: String?
    public var limit: Int

    /// No constraint: empty sets mean "any".
    public init(statuses: Set<TicketStatus> = [], codes: Set<TriageCode> = [], customer: String? = nil, limit: Int = 1000) {
        self.statuses = statuses
        self.codes = codes
        self.customer = customer
        self.limit = limit
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
