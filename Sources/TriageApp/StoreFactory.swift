import Foundation
import SQLiteStore
import TicketStore
import TriageCore

/// Opens the ticket store for a location: the one place that knows every backend.
public enum StoreFactory {
    /// Opens (and migrates) the store at `location`.
    public static func open(_ location: StoreLocation, clock: any TriageClock) async throws -> any SharedStore {
        let store: any SharedStore
        switch location {
        case .sqlite(let path):
            store = try SQLiteTicketStore(path: path, clock: clock)
        case .postgres:
            throw TicketStoreError(
                operation: "open", location: location.description,
                message: "the PostgreSQL store is not part of this version yet; use a SQLite path such as var/triage.sqlite"
            )
        }
        try await store.migrate()
        return store
    }
}
