import Testing
import TicketStore
import TriageTesting
import PostgresStore

/// The backend-agnostic store contract, run against PostgreSQL: each check on a database of its own.
/// The checks run one after another: forty databases created at once load the 2 cores enough to
/// break the timing bounds of the engine's tests running beside them.
@Suite("PostgresTicketStore contract", .serialized)
struct PostgresContractTests {
    @Test(arguments: TicketStoreContract.all)
    func contract(name: String, run: @Sendable (TicketStoreContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}

/// The notification outbox contract, run against PostgreSQL: each check on a database of its own.
@Suite("PostgresTicketStore outbox contract", .serialized)
struct PostgresOutboxContractTests {
    @Test(arguments: NotificationOutboxContract.all)
    func outbox(name: String, run: @Sendable (NotificationOutboxContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}

/// The roll-up contract, run against PostgreSQL: each check on a database of its own.
@Suite("PostgresTicketStore roll-up contract", .serialized)
struct PostgresRollupContractTests {
    @Test(arguments: ResultRollupContract.all)
    func rollups(name: String, run: @Sendable (ResultRollupContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}

/// The lease contract, run against PostgreSQL: each check on a database of its own, each node a
/// store with a pool of its own.
@Suite("PostgresTicketStore lease contract", .serialized)
struct PostgresLeaseContractTests {
    @Test(arguments: WorkLeaseContract.all)
    func leases(name: String, run: @Sendable (WorkLeaseContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}

/// The account contract, run against PostgreSQL: each check on a database of its own.
@Suite("PostgresTicketStore account contract", .serialized)
struct PostgresAccountContractTests {
    @Test(arguments: AccountStoreContract.all)
    func accounts(name: String, run: @Sendable (AccountStoreContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}

/// The browser session contract, run against PostgreSQL: each check on a database of its own.
@Suite("PostgresTicketStore browser session contract", .serialized)
struct PostgresSessionContractTests {
    @Test(arguments: BrowserSessionContract.all)
    func sessions(name: String, run: @Sendable (BrowserSessionContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}

/// The suspicion contract on PostgreSQL: each check on a database of its own, each node a store
/// with a pool of its own.
@Suite("PostgresTicketStore suspicion contract", .serialized)
struct PostgresSuspicionContractTests {
    @Test(arguments: SuspicionContract.all)
    func suspicions(name: String, run: @Sendable (SuspicionContract.StoreFactory) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await run { clock in try database.store(clock: clock) }
        }
    }
}
