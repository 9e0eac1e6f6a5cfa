import Foundation

/// An API token as the store keeps it: the SHA-256 digest (hex) of the token, never the token.
public struct APITokenRecord: Sendable, Hashable {
    public var account: String
    public var digest: String
    /// What the token is for (`laptop`, `grafana`), to tell tokens apart in a listing.
    public var label: String
    public var createdAt: Date
    public var lastUsedAt: Date?

    /// How a person names the token to revoke it: the digest's first 12 hex digits (48 bits, so
    /// two tokens of one account never share it in practice), which say nothing of the token itself.
    public var id: String { String(digest.prefix(Self.idLength)) }

    public static let idLength = 12

    public init(account: String, digest: String, label: String, createdAt: Date, lastUsedAt: Date? = nil) {
        self.account = account
        self.digest = digest
        self.label = label
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}

/// What `AccountStore.addToken` writes.
public struct NewAPIToken: Sendable, Hashable {
    public var account: String
    public var digest: String
    public var label: String
    public var at: Date

    public init(account: String, digest: String, label: String, at: Date) {
        self.account = account
        self.digest = digest
        self.label = label
        self.at = at
    }
}
