import Foundation
import TicketStore

/// A line of `accounts`: the bcrypt hash, never a password, and the disabling instant, so a
/// disabled account stays disabled on the new store.
struct AccountLine: Codable {
    var name: String
    var role: AccountRole
    var passwordHash: String
    var createdAt: Date
    var disabledAt: Date?
}

extension AccountLine {
    init(_ a: Account) {
        self.init(name: a.name, role: a.role, passwordHash: a.passwordHash, createdAt: a.createdAt, disabledAt: a.disabledAt)
    }

    var account: Account {
        Account(name: name, role: role, passwordHash: passwordHash, createdAt: createdAt, disabledAt: disabledAt)
    }
}

/// A line of `api_tokens`: the token's SHA-256 digest, never the token, so the archive lets nobody
/// in while the token's owner keeps using it on the new store.
struct TokenLine: Codable {
    var account: String
    var digest: String
    var label: String
    var createdAt: Date
    var lastUsedAt: Date?
}

extension TokenLine {
    init(_ t: APITokenRecord) {
        self.init(account: t.account, digest: t.digest, label: t.label, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt)
    }

    var record: APITokenRecord {
        APITokenRecord(account: account, digest: digest, label: label, createdAt: createdAt, lastUsedAt: lastUsedAt)
    }
}
