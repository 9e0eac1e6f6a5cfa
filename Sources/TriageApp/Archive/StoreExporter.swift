import Foundation
import TicketStore
import TriageCore

/// Writes a store's whole content as an archive (see `ArchiveLine`), page by page: memory holds
/// one page, whatever the store's size, so `triage store export | triage store import` moves
/// millions of results.
///
/// ```swift
/// let totals = try await StoreExporter(store: store, source: "sqlite:var/triage.sqlite").export(to: .standardOutput)
/// ```
public struct StoreExporter: Sendable {
    let store: any StoreArchive
    /// The store's description for the header (never a password).
    let source: String
    let pageSize: Int

    public init(store: any StoreArchive, source: String, pageSize: Int = 1000) {
        self.store = store
        self.source = source
        self.pageSize = pageSize
    }

    /// Writes the archive to `handle`; returns what it holds.
    public func export(to handle: FileHandle) async throws -> ArchiveTotals {
        let writer = LineWriter(handle)
        func emit(_ line: ArchiveLine) throws { try writer.write(ArchiveLine.encoder.encode(line)) }
        var totals = ArchiveTotals()
        let header = ArchiveHeader(
            format: ArchiveHeader.formatName, version: ArchiveHeader.currentVersion,
            migrations: try await store.appliedMigrations(), source: source
        )
        try emit(.header(header))
        try await each({ try await store.archivedTickets(after: $0?.ticket.id ?? 0, limit: pageSize) }) {
            try emit(.ticket(TicketLine($0)))
            totals.tickets += 1
        }
        try await each({ try await store.archivedEvents(after: $0?.id ?? 0, limit: pageSize) }) {
            try emit(.event(EventLine($0)))
            totals.ticketEvents += 1
        }
        try await each({ try await store.archivedDeliveries(after: $0?.id ?? 0, limit: pageSize) }) {
            try emit(.delivery(DeliveryLine($0)))
            totals.deliveries += 1
        }
        try emit(.cursor(CursorLine(lastEventID: try await store.routedThrough())))
        let accounts = try await store.accounts()
        for account in accounts {
            try emit(.account(AccountLine(account)))
            totals.accounts += 1
        }
        for account in accounts {
            for token in try await store.tokens(of: account.name) {
                try emit(.token(TokenLine(token)))
                totals.apiTokens += 1
            }
        }
        try await each({ try await store.archivedResults(after: $0.map(ResultKey.init), limit: pageSize) }) {
            try emit(.result(ResultLine($0)))
            totals.probeResults += 1
        }
        try emit(.end(totals))
        try writer.flush()
        return totals
    }

    /// Reads pages with `page` (given the last row read, nil at first) until one is empty, handing
    /// each row to `body`.
    private func each<Row>(_ page: (Row?) async throws -> [Row], _ body: (Row) throws -> Void) async throws {
        var last: Row?
        while true {
            let rows = try await page(last)
            guard !rows.isEmpty else { return }
            for row in rows { try body(row) }
            last = rows.last
        }
    }
}
