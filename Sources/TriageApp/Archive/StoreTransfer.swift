import Foundation
import PostgresStore
import TicketStore
import TriageCore

/// `triage store export` and `triage store import`: the store at a location, opened (and
/// migrated) as every command opens it, through the one exporter and importer, then closed.
public enum StoreTransfer {
    /// Writes the whole store at `location` to `handle` as an archive.
    public static func export(_ location: StoreLocation, to handle: FileHandle, clock: any TriageClock) async throws -> ArchiveTotals {
        try await with(location, clock: clock) { store in
            try await StoreExporter(store: store, source: location.description).export(to: handle)
        }
    }

    /// Reads the archive from `handle` into the empty store at `location`.
    public static func importArchive(
        into location: StoreLocation, from handle: FileHandle, clock: any TriageClock
    ) async throws -> ArchiveTotals {
        try await with(location, clock: clock) { store in
            try await StoreImporter(store: store, target: location.description).importArchive(from: handle)
        }
    }

    /// Runs `body` on the store, closing a PostgreSQL store's pool whatever `body` did.
    private static func with<T: Sendable>(
        _ location: StoreLocation, clock: any TriageClock, _ body: (any SharedStore) async throws -> T
    ) async throws -> T {
        let store = try await StoreFactory.open(location, clock: clock)
        let outcome: Result<T, any Error>
        do { outcome = .success(try await body(store)) } catch { outcome = .failure(error) }
        if let postgres = store as? PostgresTicketStore { await postgres.shutdown() }
        return try outcome.get()
    }
}
