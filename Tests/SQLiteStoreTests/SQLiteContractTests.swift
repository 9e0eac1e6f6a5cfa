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

/// The lease contract, run against one SQLite file per check opened by several stores, as several
/// `triage run --node` processes on one machine would.
@Suite("SQLiteTicketStore lease contract")
struct SQLiteLeaseContractTests {
    @Test(arguments: WorkLeaseContract.all)
    func leases(name: String, run: @Sendable (WorkLeaseContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        try await run { clock in try SQLiteTicketStore(path: path, clock: clock) }
        withExtendedLifetime(folder) {}
    }
}

/// The account contract, run against a SQLite file of its own per check.
@Suite("SQLiteTicketStore account contract")
struct SQLiteAccountContractTests {
    @Test(arguments: AccountStoreContract.all)
    func accounts(name: String, run: @Sendable (AccountStoreContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
    }
}

/// The browser session contract, run against a SQLite file of its own per check.
@Suite("SQLiteTicketStore browser session contract")
struct SQLiteSessionContractTests {
    @Test(arguments: BrowserSessionContract.all)
    func sessions(name: String, run: @Sendable (BrowserSessionContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
    }
}

/// The suspicion contract, on one SQLite file opened by two stores, as two nodes would.
@Suite("SQLiteTicketStore suspicion contract")
struct SQLiteSuspicionContractTests {
    @Test(arguments: SuspicionContract.all)
    func suspicions(name: String, run: @Sendable (SuspicionContract.StoreFactory) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        let path = folder.newDatabasePath()
        try await run { clock in try SQLiteTicketStore(path: path, clock: clock) }
        withExtendedLifetime(folder) {}
    }
}
