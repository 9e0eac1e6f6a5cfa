import Logging
import PostgresNIO

/// One pooled connection inside a transaction, with the two shapes of query the store runs: rows
/// it reads in full, and statements whose rows it does not need.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `query` and reads every row it returns.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs `query`, reading (and dropping) what it returns, so the connection is ready for the next one.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }

    /// The first column of the first row, nil when there is no row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) async throws -> T? {
        try await rows(query).first.map { try $0.makeRandomAccess()[0].decode(T.self) }
    }
}
