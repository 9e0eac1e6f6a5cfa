import Testing
import TicketStore
import TriageTesting
import SQLiteStore

/// The backend-agnostic store contract, run against SQLite files in a temporary folder.
@Suite("SQLiteTicketStore contract")
struct SQLiteContractTests {
    @Test(arguments: TicketStoreContract.all)
    func contract(name: String, run: @Sendable (TicketStoreContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
    }
}

/// The notification outbox contract, run against SQLite files in a temporary folder.
@Suite("SQLiteTicketStore outbox contract")
struct SQLiteOutboxContractTests {
    @Test(arguments: NotificationOutboxContract.all)
    func outbox(name: String, run: @Sendable (NotificationOutboxContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
    }
}

/// The roll-up contract, run against SQLite files in a temporary folder.
@Suite("SQLiteTicketStore roll-up contract")
struct SQLiteRollupContractTests {
    @Test(arguments: ResultRollupContract.all)
    func rollups(name: String, run: @Sendable (ResultRollupContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
    }
}
