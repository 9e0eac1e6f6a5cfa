import Foundation
import PostgresStore
import SQLiteStore
import TicketStore
import TriageCore

/// Opens the ticket store for a location: the one place that knows every backend.
public enum StoreFactory {
    /// Opens (and migrates) the store at `location`. A store whose schema is newer than this build
    /// (a migration it does not know) is refused with `TicketStoreError`, so `triage run` never
    /// starts on it.
    public static func open(_ location: StoreLocation, clock: any TriageClock) async throws -> any SharedStore {
        let store = try connect(location, clock: clock)
        try await store.migrate()
        return store
    }

    /// Applies the migrations the store at `location` does not have yet, for `triage store migrate`.
    public static func migrate(_ location: StoreLocation, clock: any TriageClock) async throws -> MigrationReport {
        let store = try connect(location, clock: clock)
        let applied = try await store.migrate()
        var encrypted: Bool?
        if let postgres = store as? PostgresTicketStore {
            encrypted = try await postgres.connectionIsEncrypted()
            await postgres.shutdown()
        }
        return MigrationReport(location: location, applied: applied, encrypted: encrypted)
    }

    /// The store at `location`, not migrated yet. A PostgreSQL store's pool closes when the store is released.
    private static func connect(_ location: StoreLocation, clock: any TriageClock) throws -> any SharedStore {
        switch location {
        case .sqlite(let path): try SQLiteTicketStore(path: path, clock: clock)
        case .postgres(let url): try PostgresTicketStore(url: url, clock: clock)
        }
    }
}

/// What `triage store migrate` did, in words.
public struct MigrationReport: Sendable, CustomStringConvertible {
    public var location: StoreLocation
    /// The migrations applied now, in order; empty when the store had them all.
    public var applied: [String]
    /// For PostgreSQL, whether the connection was encrypted (TLS); nil for SQLite.
    public var encrypted: Bool?

    public var description: String {
        let transport = encrypted.map { $0 ? " (over TLS)" : " (not encrypted: add ?sslmode=verify-full to use TLS)" } ?? ""
        guard !applied.isEmpty else { return "Store \(location)\(transport) is up to date: no migration to apply." }
        return "Applied \(applied.count) migration\(applied.count == 1 ? "" : "s") to \(location)\(transport):\n"
            + applied.map { "  \($0)" }.joined(separator: "\n")
    }
}
