import Foundation

/// The store's side of the dashboard's browser sessions, so a restart of `triage run` or
/// `triage serve` (or another node serving the same PostgreSQL store) keeps everyone signed in.
///
/// Like API tokens, the session id never reaches the store: callers pass its SHA-256 digest.
/// Idle expiry is measured against the instant the caller passes (its injected clock), never the
/// database's, so the contract checks it with a test clock on both backends.
///
/// ```swift
/// try await store.openSession(BrowserSessionRecord(digest: d, account: "ana", csrfToken: c, createdAt: now, lastSeenAt: now))
/// let live = try await store.session(digest: d, idleLimit: 12 * 3600, at: clock.now)   // nil once idle that long
/// try await store.touchSession(digest: d, at: clock.now)
/// ```
public protocol BrowserSessionStore: Sendable {
    /// Stores a new session.
    func openSession(_ session: BrowserSessionRecord) async throws

    /// The session with this digest, nil when there is none or when it was last seen `idleLimit`
    /// seconds or more before `now`.
    func session(digest: String, idleLimit: TimeInterval, at now: Date) async throws -> BrowserSessionRecord?

    /// Records a request of the session at `now`.
    func touchSession(digest: String, at now: Date) async throws

    /// Ends one session (logout); nothing happens for an unknown digest.
    func closeSession(digest: String) async throws

    /// Ends every session of `account` (its account was disabled); returns how many ended.
    @discardableResult
    func closeSessions(of account: String) async throws -> Int

    /// Deletes the sessions last seen at or before `cutoff` (idle past the limit); returns how many.
    @discardableResult
    func pruneSessions(lastSeenAtOrBefore cutoff: Date) async throws -> Int
}
