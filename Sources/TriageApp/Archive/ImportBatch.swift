import TicketStore
import TriageCore

/// The rows an import has read and not yet written, by table, and what it has counted so far.
///
/// Rows are written table by table in the order their references need (tickets, then events,
/// then deliveries, then accounts with their tokens, then results), so a batch never inserts an
/// event before its ticket, nor a token before its account.
struct ImportBatch {
    let store: any StoreArchive
    private var tickets: [ArchivedTicket] = []
    private var events: [ArchivedEvent] = []
    private var deliveries: [ArchivedDelivery] = []
    private var accounts: [Account] = []
    private var tokens: [APITokenRecord] = []
    private var results: [ProbeResult] = []
    private var routedThrough: Int64?
    private var lastEventID: Int64 = 0
    private(set) var totals = ArchiveTotals()
    /// Rows written to the store so far.
    private(set) var written = 0

    init(store: any StoreArchive) {
        self.store = store
    }

    /// Rows read and not written yet.
    var pending: Int { tickets.count + events.count + deliveries.count + accounts.count + tokens.count + results.count }

    /// Takes one row line; a second header is an error.
    mutating func add(_ line: ArchiveLine, line number: Int) throws {
        switch line {
        case .ticket(let row):
            tickets.append(row.archived)
            totals.tickets += 1
        case .event(let row):
            events.append(row.archived)
            lastEventID = max(lastEventID, row.id)
            totals.ticketEvents += 1
        case .delivery(let row):
            deliveries.append(row.archived)
            totals.deliveries += 1
        case .cursor(let row):
            routedThrough = row.lastEventID
        case .account(let row):
            accounts.append(row.account)
            totals.accounts += 1
        case .token(let row):
            tokens.append(row.record)
            totals.apiTokens += 1
        case .result(let row):
            results.append(row.result)
            totals.probeResults += 1
        case .header, .end:
            throw ArchiveError.damaged(line: number, "a header or end line in the middle of the archive")
        }
    }

    /// Compares what was read with the end line's counts.
    func check(_ expected: ArchiveTotals, line: Int) throws {
        guard expected == totals else {
            throw ArchiveError.damaged(line: line, "the end line counts \(expected), but the archive holds \(totals)")
        }
    }

    /// Writes every pending row, in the order of their references.
    mutating func flush() async throws {
        if !tickets.isEmpty { try await store.importTickets(tickets) }
        if !events.isEmpty { try await store.importEvents(events) }
        if !deliveries.isEmpty { try await store.importDeliveries(deliveries) }
        if !accounts.isEmpty || !tokens.isEmpty { try await store.importAccounts(accounts, tokens: tokens) }
        if !results.isEmpty { try await store.record(results) }
        written += pending
        (tickets, events, deliveries, accounts, tokens, results) = ([], [], [], [], [], [])
    }

    /// Writes the rest and sets the routing cursor: the archive's, or else past the last event,
    /// so imported events never page anyone a second time.
    mutating func finish() async throws {
        try await flush()
        try await store.finishImport(routedThrough: routedThrough ?? lastEventID)
    }
}
