import Foundation
import TicketStore
import TriageCore

/// The dashboard's browser sessions, kept in the store so that a restart of `triage run` or
/// `triage serve` (or another node on the same PostgreSQL store) signs nobody out: a random id
/// the browser keeps in a cookie, of which the store keeps only the SHA-256 digest (as for API
/// tokens), the account it signed in as, and the CSRF token its forms carry. A session ends after
/// ``idleLimit`` without a request, measured on the injected clock (tests advance it), or at logout.
///
/// A page view reads its session but writes its last-seen instant at most once a
/// ``lastSeenResolution``: the stored instant itself says when it was last written, so this holds
/// across restarts and across nodes without a cache that a logout elsewhere would leave stale.
/// Expiry may then come up to that minute early, harmless against twelve hours.
///
/// ```swift
/// let session = try await sessions.open(for: "alice")
/// let again = try await sessions.session(id: session.id)   // nil once idle for 12 hours
/// ```
struct BrowserSessions: Sendable {
    /// What a browser's cookie stands for.
    struct Session: Sendable, Hashable {
        var id: String
        var account: String
        /// Sent in every state-changing form and compared on POST: another site can make the
        /// browser post, but cannot read this token out of our pages.
        var csrfToken: String
        var lastSeen: Date
    }

    /// Twelve hours: an on-call shift stays signed in, a forgotten browser does not stay so overnight.
    static let idleLimit: TimeInterval = 12 * 3600
    /// The last-seen instant is written at most once per this many seconds of requests.
    static let lastSeenResolution: TimeInterval = 60

    let store: any BrowserSessionStore
    let clock: any TriageClock

    /// A new session for `account`, with fresh random id and CSRF token; expired ones are deleted
    /// first, so abandoned sessions do not pile up in the store.
    func open(for account: String) async throws -> Session {
        let now = clock.now
        try await store.pruneSessions(lastSeenAtOrBefore: now.addingTimeInterval(-Self.idleLimit))
        let session = Session(id: APIToken.generate().value, account: account, csrfToken: APIToken.generate().value, lastSeen: now)
        let record = BrowserSessionRecord(
            digest: Self.digest(session.id), account: account, csrfToken: session.csrfToken, createdAt: now, lastSeenAt: now
        )
        try await store.openSession(record)
        return session
    }

    /// The live session of `id`, its idle time restarted; nil once expired or closed.
    func session(id: String) async throws -> Session? {
        let now = clock.now
        let digest = Self.digest(id)
        guard let record = try await store.session(digest: digest, idleLimit: Self.idleLimit, at: now) else { return nil }
        if now.timeIntervalSince(record.lastSeenAt) >= Self.lastSeenResolution {
            try await store.touchSession(digest: digest, at: now)
        }
        return Session(id: id, account: record.account, csrfToken: record.csrfToken, lastSeen: now)
    }

    /// Ends the session (logout).
    func close(id: String) async throws {
        try await store.closeSession(digest: Self.digest(id))
    }

    /// Ends every session of `account` (it was disabled).
    func closeAll(of account: String) async throws {
        try await store.closeSessions(of: account)
    }

    private static func digest(_ id: String) -> String { APIToken(value: id).digest }
}
