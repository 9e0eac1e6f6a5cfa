import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// The dashboard's browser sessions on PostgreSQL, by the digest of their id, without the ticket
/// lock: a session touches no ticket, so a login never waits for the scheduler's writes.
extension PostgresTicketStore: BrowserSessionStore {
    public func openSession(_ session: BrowserSessionRecord) async throws {
        try await write("open a browser session for account \(session.account)", lock: nil) { connection in
            try await connection.execute(
                """
                INSERT INTO browser_sessions (digest, account, csrf_token, created_at, last_seen_at)
                VALUES (\(session.digest), \(session.account), \(session.csrfToken), \(session.createdAt.millisecondsSince1970),
                        \(session.lastSeenAt.millisecondsSince1970))
                """
            )
        }
    }

    public func session(digest: String, idleLimit: TimeInterval, at now: Date) async throws -> BrowserSessionRecord? {
        let cutoff = now.addingTimeInterval(-idleLimit).millisecondsSince1970
        return try await read("find a browser session") { session in
            try await session.rows(
                """
                SELECT digest, account, csrf_token, created_at, last_seen_at FROM browser_sessions
                WHERE digest = \(digest) AND last_seen_at > \(cutoff)
                """
            ).first.map { row in
                let (digest, account, csrf, created, lastSeen) = try row.decode((String, String, String, Int64, Int64).self)
                return BrowserSessionRecord(
                    digest: digest, account: account, csrfToken: csrf, createdAt: Date(millisecondsSince1970: created),
                    lastSeenAt: Date(millisecondsSince1970: lastSeen)
                )
            }
        }
    }

    public func touchSession(digest: String, at now: Date) async throws {
        try await write("record a request of a browser session", lock: nil) { session in
            try await session.execute(
                """
                UPDATE browser_sessions SET last_seen_at = greatest(last_seen_at, \(now.millisecondsSince1970))
                WHERE digest = \(digest)
                """
            )
        }
    }

    public func closeSession(digest: String) async throws {
        try await write("close a browser session", lock: nil) { session in
            try await session.execute("DELETE FROM browser_sessions WHERE digest = \(digest)")
        }
    }

    public func closeSessions(of account: String) async throws -> Int {
        try await write("close the browser sessions of account \(account)", lock: nil) { session in
            try await session.rows("DELETE FROM browser_sessions WHERE account = \(account) RETURNING digest").count
        }
    }

    public func pruneSessions(lastSeenAtOrBefore cutoff: Date) async throws -> Int {
        try await write("prune idle browser sessions", lock: nil) { session in
            let deleted = try await session.rows(
                "DELETE FROM browser_sessions WHERE last_seen_at <= \(cutoff.millisecondsSince1970) RETURNING digest"
            )
            return deleted.count
        }
    }
}
