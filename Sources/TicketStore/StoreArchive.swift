import Foundation
import TriageCore

/// A store's side of `triage store export` and `triage store import`: every row a user would lose
/// when moving from one backend to another, read page by page and written batch by batch, so one
/// exporter and one importer move a store of any size between any two backends with flat memory.
///
/// Pages are read by key (ticket, event and delivery ids; results by check and start), each page
/// in its own read: the archive is consistent when nothing writes meanwhile, so stop `triage run`
/// before exporting. Results are imported through `record`, as the daemon writes them. Imported rows keep their ids, so events still point at their tickets,
/// deliveries at their events, and the routing cursor at the last event routed. Roll-ups are not
/// moved: reports and the daemon roll the results up again. Accounts and API token records move
/// as they are stored (bcrypt hashes and SHA-256 digests, never a secret), disabled ones too, so
/// people and scripts keep their passwords and tokens on the new store; they are read through
/// `AccountStore` (a few rows) and written with ``importAccounts(_:tokens:)``. Browser sessions
/// are not moved: they last hours, belong to the server that stops for the move, and signing in
/// again costs one login, while an archive holding them would be one more copy to guard.
///
/// ```swift
/// let page = try await source.archivedTickets(after: 0, limit: 1000)
/// try await target.importTickets(page)   // ... and so on, after page.last's id
/// try await target.finishImport(routedThrough: try await source.routedThrough())
/// ```
public protocol StoreArchive: TicketStore & AccountStore {
    /// The named migrations this store has, in order (an archive's header lists them).
    func appliedMigrations() async throws -> [String]

    /// How many tickets and results the store holds: an import goes only into a store holding none.
    func archiveContents() async throws -> ArchiveCounts

    /// Up to `limit` tickets with an id above `id`, by id, with their escalation counters.
    func archivedTickets(after id: Int64, limit: Int) async throws -> [ArchivedTicket]

    /// Up to `limit` audit events with an id above `id`, by id.
    func archivedEvents(after id: Int64, limit: Int) async throws -> [ArchivedEvent]

    /// Up to `limit` deliveries with an id above `id`, by id.
    func archivedDeliveries(after id: Int64, limit: Int) async throws -> [ArchivedDelivery]

    /// About `limit` results after `key` in (check, start) order: every result of the page's last
    /// (check, start) is in the page, so results of the same instant are never split between pages.
    func archivedResults(after key: ResultKey?, limit: Int) async throws -> [ProbeResult]

    /// The id of the last event the notification router has read.
    func routedThrough() async throws -> Int64

    /// Inserts tickets under their own ids, in one transaction.
    func importTickets(_ tickets: [ArchivedTicket]) async throws

    /// Inserts audit events under their own ids, in one transaction.
    func importEvents(_ events: [ArchivedEvent]) async throws

    /// Inserts deliveries under their own ids, in one transaction.
    func importDeliveries(_ deliveries: [ArchivedDelivery]) async throws

    /// Inserts accounts (with their creation and disabling instants) and then token records (with
    /// their creation and last use), as they were stored, in one transaction.
    func importAccounts(_ accounts: [Account], tokens: [APITokenRecord]) async throws

    /// Ends an import: sets the routing cursor (so imported events page nobody again) and moves
    /// every id generator past the imported ids, so the next ticket gets a fresh id.
    func finishImport(routedThrough eventID: Int64) async throws
}

/// What a store holds, as far as an import cares.
public struct ArchiveCounts: Sendable, Hashable {
    public var tickets: Int
    public var results: Int
    public var accounts: Int

    public init(tickets: Int, results: Int, accounts: Int) {
        self.tickets = tickets
        self.results = results
        self.accounts = accounts
    }
}

/// A ticket with the escalation steps and reminders already sent for it, which are not ticket
/// fields but would be sent again without them.
public struct ArchivedTicket: Sendable, Hashable {
    public var ticket: Ticket
    public var escalationSteps: Int
    public var escalationReminders: Int

    public init(ticket: Ticket, escalationSteps: Int, escalationReminders: Int) {
        self.ticket = ticket
        self.escalationSteps = escalationSteps
        self.escalationReminders = escalationReminders
    }
}

/// An audit event with its id, which deliveries and the routing cursor refer to.
public struct ArchivedEvent: Sendable, Hashable {
    public var id: Int64
    public var event: TicketEvent

    public init(id: Int64, event: TicketEvent) {
        self.id = id
        self.event = event
    }
}

/// A notification delivery as stored: sent, failing or still due.
public struct ArchivedDelivery: Sendable, Hashable {
    public var id: Int64
    public var eventID: Int64
    public var channel: String
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var lastError: String?

    public init(
        id: Int64, eventID: Int64, channel: String, createdAt: Date, attempts: Int, nextAttemptAt: Date,
        deliveredAt: Date?, lastError: String?
    ) {
        self.id = id
        self.eventID = eventID
        self.channel = channel
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }
}

/// Where a page of results ends: its last check and start (milliseconds).
public struct ResultKey: Sendable, Hashable {
    public var checkID: String
    public var startedAt: Int64

    public init(checkID: String, startedAt: Int64) {
        self.checkID = checkID
        self.startedAt = startedAt
    }

    /// The key of `result`.
    public init(_ result: ProbeResult) {
        self.init(checkID: result.checkID, startedAt: result.startedAt.millisecondsSince1970)
    }
}

extension ResultKey {
    /// Cuts a page read with `LIMIT limit` in key order: the rows before the last row's key, and
    /// that key, whose rows `limit` may have cut and the backend reads again in full. Rows shorter
    /// than `limit` are the whole rest: all kept, no key to read again.
    public static func cut(_ rows: [ProbeResult], limit: Int) -> (kept: [ProbeResult], reread: ResultKey?) {
        guard rows.count >= limit, let last = rows.last else { return (rows, nil) }
        let key = ResultKey(last)
        return (rows.filter { ResultKey($0) != key }, key)
    }
}
