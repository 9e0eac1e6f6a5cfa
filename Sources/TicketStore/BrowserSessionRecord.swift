import Foundation

/// A dashboard browser session as the store keeps it: the SHA-256 digest (hex) of the session id,
/// never the id, so a copy of the database lets nobody act as a signed-in browser.
public struct BrowserSessionRecord: Sendable, Hashable {
    public var digest: String
    public var account: String
    /// The token the session's forms carry (not a secret of the same kind as the id: a page shows
    /// it to its own browser, and it opens nothing without the cookie).
    public var csrfToken: String
    public var createdAt: Date
    /// The last request seen, as last written (at most once a minute, see `BrowserSessionStore`).
    public var lastSeenAt: Date

    public init(digest: String, account: String, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.digest = digest
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}
