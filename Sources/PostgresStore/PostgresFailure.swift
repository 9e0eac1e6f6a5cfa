import PostgresNIO
import TicketStore
import TriageCore

/// Turns what PostgresNIO threw into a `TicketStoreError` that names the store (password redacted)
/// and says what to do, and tells the store which failures are worth one more attempt.
enum PostgresFailure {
    /// SQLSTATE codes this store reacts to.
    static let uniqueViolation = "23505"
    static let serializationFailure = "40001"
    static let deadlockDetected = "40P01"

    /// `error` as a `TicketStoreError` for `operation` on the store at `location`. Cancellation and
    /// desk refusals (`TicketActionError`) pass through unchanged, as in the SQLite store.
    static func wrap(_ error: any Error, operation: String, location: String) -> any Error {
        if error is TicketStoreError || error is CancellationError || error is TicketActionError || error is NodeNameInUse { return error }
        return TicketStoreError(operation: operation, location: location, message: advice(for: error))
    }

    /// The SQLSTATE of a server error; nil for anything else.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether a transaction that failed with `error` may succeed if run again: PostgreSQL aborted it
    /// to keep two concurrent writers apart, and nothing it wrote remains.
    static func isTransient(_ error: any Error) -> Bool {
        [serializationFailure, deadlockDetected].contains(sqlState(of: error))
    }

    private static func advice(for error: any Error) -> String {
        guard let error = error as? PSQLError else {
            if let timeout = error as? RenewablePool.NoConnection {
                return "no connection to the server within \(timeout.waited); check that PostgreSQL runs and listens on that "
                    + "host and port, and that this machine may connect to it (the next operation tries again)"
            }
            if RenewablePool.isCircuitBreaker(error) {
                return "the connection pool could not connect to the server for a while; check that PostgreSQL runs and "
                    + "listens on that host and port (the next operation tries again)"
            }
            if let unknown = error as? UnknownStoredValue {
                return "the store holds \"\(unknown.raw)\", which this release does not know as a \(unknown.type); "
                    + "a newer release of triage may have written it, so upgrade this one"
            }
            if error is PostgresDecodingError {
                return "a row holds a value this release cannot read; a newer release of triage may have written it, "
                    + "so upgrade this one"
            }
            return "\(error)"
        }
        if let server = error.serverInfo {
            let state = server[.sqlState] ?? "?"
            let message = server[.message] ?? "server error"
            let detail = server[.detail].map { " (\($0))" } ?? ""
            return "\(message)\(detail) [SQLSTATE \(state)]" + serverAdvice(state: state)
        }
        switch error.code {
        case .connectionError where error.underlying is NIOSSLError || error.underlying is BoringSSLError:
            return "the TLS handshake failed (\(error.underlying.map { "\($0)" } ?? "")); check that sslrootcert names "
                + "the CA that signed the server's certificate and that the URL's host is a name in that certificate"
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            let cause = error.underlying.map { ": \($0)" } ?? ""
            return "could not reach the server\(cause); check that PostgreSQL runs and listens on that host and port, "
                + "and that this machine may connect to it"
        case .sslUnsupported:
            return "the server does not offer TLS but the URL asks for it (sslmode); enable ssl on the server"
        case .failedToAddSSLHandler:
            return "TLS could not start (\(error.underlying.map { "\($0)" } ?? "no detail")); check sslrootcert"
        case .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError:
            return "authentication failed (\(error.code)); check the user and password of the store URL"
        case .poolClosed, .clientClosedConnection:
            return "the store was already shut down"
        default:
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
    }

    /// What to do about the server errors an operator can fix.
    private static func serverAdvice(state: String) -> String {
        switch state {
        case "28000", "28P01":
            "; check the user and password of the store URL, and pg_hba.conf on the server"
        case "3D000":
            "; create the database (createdb) or fix the database name in the store URL"
        case "42501":
            "; grant this user the rights on the database, or use the user that owns it"
        case "53100":
            "; the server's disk is full: free space or prune old probe results"
        case "53300":
            "; the server has no connection left: raise max_connections or lower the number of nodes"
        default:
            ""
        }
    }
}
