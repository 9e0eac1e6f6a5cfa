import Foundation

/// A person (or a tool) allowed to use the HTTP API, with one role.
///
/// `passwordHash` is the bcrypt hash (`$2b$...`): renderings of accounts (CLI, API) leave it out.
public struct Account: Sendable, Hashable {
    public var name: String
    public var role: AccountRole
    public var passwordHash: String
    public var createdAt: Date
    /// When it was disabled; nil while it may sign in.
    public var disabledAt: Date?

    public init(name: String, role: AccountRole, passwordHash: String, createdAt: Date, disabledAt: Date? = nil) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    public var isEnabled: Bool { disabledAt == nil }
}

/// What `AccountStore.addAccount` writes.
public struct NewAccount: Sendable, Hashable {
    public var name: String
    public var role: AccountRole
    public var passwordHash: String
    public var at: Date

    public init(name: String, role: AccountRole, passwordHash: String, at: Date) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.at = at
    }
}
