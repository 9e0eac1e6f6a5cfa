import GRDB
import TicketStore
import TriageCore

/// Turns whatever SQLite or GRDB threw into a `TicketStoreError` that names the file and says what
/// to do, so the daemon's log and the CLI's message are actionable without reading SQLite codes.
enum StoreFailure {
    /// How long a write waits for another process's transaction before giving up.
    static let busyTimeoutSeconds = 5.0

    /// `error` as a `TicketStoreError` for `operation` on the database at `path`. Cancellation
    /// passes through unchanged, so services that stop on `CancellationError` still see it, and so
    /// does a desk refusal (`TicketActionError`): it already says what to do, and the CLI prints it.
    static func wrap(_ error: any Error, operation: String, path: String) -> any Error {
        if error is TicketStoreError || error is CancellationError || error is TicketActionError || error is NodeNameInUse { return error }
        return TicketStoreError(operation: operation, location: path, message: advice(for: error))
    }

    private static func advice(for error: any Error) -> String {
        switch error {
        case let error as DatabaseError:
            return databaseAdvice(for: error)
        case is RowDecodingError, is DecodingError:
            return "\(error): a row holds a value this release does not know; "
                + "a newer release of triage may have written it, so upgrade this one"
        default:
            return "\(error)"
        }
    }

    private static func databaseAdvice(for error: DatabaseError) -> String {
        let sqlite = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "\(sqlite): another process held the database for over \(Int(busyTimeoutSeconds)) s; "
                + "look for a stuck triage process or an open sqlite3 session on this file"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return "\(sqlite): make the file, and the folder that holds it, writable by this user "
                + "(SQLite writes -wal and -shm files next to it)"
        case .SQLITE_CANTOPEN:
            return "\(sqlite): check that the folder exists and is writable by this user, or choose another store path"
        case .SQLITE_FULL:
            return "\(sqlite): the disk is full; free space or prune old probe results"
        case .SQLITE_IOERR:
            return "\(sqlite): the disk reported an I/O error; check the disk and the file system"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "\(sqlite): the file is damaged or is not a triage database; restore it from a backup "
                + "or move it away to start a new one"
        default:
            return sqlite
        }
    }
}
