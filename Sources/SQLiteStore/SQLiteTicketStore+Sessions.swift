import Foundation
import GRDB
import TicketStore
import TriageCore

/// The dashboard's browser sessions on SQLite, by the digest of their id.
extension SQLiteTicketStore: BrowserSessionStore {
    public func openSession(_ session: BrowserSessionRecord) async throws {
        try await write("open a browser session for account \(session.account)") { db in
            try db.execute(
                sql: "INSERT INTO browser_sessions (digest, account, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    session.digest, session.account, session.csrfToken, session.createdAt.millisecondsSince1970,
                    session.lastSeenAt.millisecondsSince1970,
                ]
            )
        }
    }

    public func session(digest: String, idleLimit: TimeInterval, at now: Date) async throws -> BrowserSessionRecord? {
        let cutoff = now.addingTimeInterval(-idleLimit).millisecondsSince1970
        return try await read("find a browser session") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT digest, account, csrf_token, created_at, last_seen_at FROM browser_sessions
                    WHERE digest = ? AND last_seen_at > ?
                    """,
                arguments: [digest, cutoff]
            ).map { row in
                BrowserSessionRecord(
                    digest: row[0], account: row[1], csrfToken: row[2], createdAt: Date(millisecondsSince1970: row[3]),
                    lastSeenAt: Date(millisecondsSince1970: row[4])
                )
            }
        }
    }

    public func touchSession(digest: String, at now: Date) async throws {
        try await write("record a request of a browser session") { db in
            try db.execute(
                sql: "UPDATE browser_sessions SET last_seen_at = max(last_seen_at, ?) WHERE digest = ?",
                arguments: [now.millisecondsSince1970, digest]
            )
        }
    }

    public func closeSession(digest: String) async throws {
        try await write("close a browser session") { db in
            try db.execute(sql: "DELETE FROM browser_sessions WHERE digest = ?", arguments: [digest])
        }
    }

    public func closeSessions(of account: String) async throws -> Int {
        try await write("close the browser sessions of account \(account)") { db in
            try db.execute(sql: "DELETE FROM browser_sessions WHERE account = ?", arguments: [account])
            return db.changesCount
        }
    }

    public func pruneSessions(lastSeenAtOrBefore cutoff: Date) async throws -> Int {
        try await write("prune idle browser sessions") { db in
            try db.execute(sql: "DELETE FROM browser_sessions WHERE last_seen_at <= ?", arguments: [cutoff.millisecondsSince1970])
            return db.changesCount
        }
    }
}
