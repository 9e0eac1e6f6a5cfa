import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// Accounts and API token digests on PostgreSQL, without the ticket lock: a name is claimed with
/// `ON CONFLICT DO NOTHING`, so two nodes adding one name give one account and one refusal.
extension PostgresTicketStore: AccountStore {
    public func addAccount(_ account: NewAccount) async throws -> Account {
        let created = try await write("add account \(account.name)", lock: nil) { session in
            try await session.rows(
                """
                INSERT INTO accounts (name, role, password_hash, created_at, disabled_at)
                VALUES (\(account.name), \(account.role.rawValue), \(account.passwordHash), \(account.at.millisecondsSince1970), NULL)
                ON CONFLICT (name) DO NOTHING RETURNING name
                """
            )
        }
        guard !created.isEmpty else { throw AccountError.nameTaken(account.name) }
        return Account(name: account.name, role: account.role, passwordHash: account.passwordHash, createdAt: account.at)
    }

    public func accounts() async throws -> [Account] {
        try await read("list accounts") { session in
            try await session.rows("SELECT name, role, password_hash, created_at, disabled_at FROM accounts ORDER BY name")
                .map(Self.account)
        }
    }

    public func account(named name: String) async throws -> Account? {
        try await read("read account \(name)") { session in
            try await session.rows("SELECT name, role, password_hash, created_at, disabled_at FROM accounts WHERE name = \(name)")
                .first.map(Self.account)
        }
    }

    public func disableAccount(named name: String, at: Date) async throws -> Account {
        let account = try await write("disable account \(name)", lock: nil) { session in
            try await session.execute(
                "UPDATE accounts SET disabled_at = \(at.millisecondsSince1970) WHERE name = \(name) AND disabled_at IS NULL"
            )
            return try await session.rows("SELECT name, role, password_hash, created_at, disabled_at FROM accounts WHERE name = \(name)")
                .first.map(Self.account)
        }
        guard let account else { throw AccountError.unknownAccount(name) }
        return account
    }

    public func addToken(_ token: NewAPIToken) async throws {
        let refusal: AccountError? = try await write("add a token for account \(token.account)", lock: nil) { session in
            let rows = try await session.rows("SELECT disabled_at FROM accounts WHERE name = \(token.account) FOR SHARE")
            guard let row = rows.first else { return .unknownAccount(token.account) }
            guard try row.decode(Int64?.self) == nil else { return .disabled(token.account) }
            try await session.execute(
                """
                INSERT INTO api_tokens (digest, account, label, created_at, last_used_at)
                VALUES (\(token.digest), \(token.account), \(token.label), \(token.at.millisecondsSince1970), NULL)
                """
            )
            return nil
        }
        if let refusal { throw refusal }
    }

    public func account(tokenDigest: String, usedAt: Date) async throws -> Account? {
        let found = try await read("find the account of a token") { session in
            try await session.rows(
                """
                SELECT a.name, a.role, a.password_hash, a.created_at, a.disabled_at, t.last_used_at
                FROM api_tokens t JOIN accounts a ON a.name = t.account
                WHERE t.digest = \(tokenDigest) AND a.disabled_at IS NULL
                """
            ).first.map { row in
                let (name, role, hash, created, disabled, lastUsed) = try row.decode((String, String, String, Int64, Int64?, Int64?).self)
                return (Self.account(name, role, hash, created, disabled), lastUsed)
            }
        }
        guard let (account, lastUsed) = found else { return nil }
        let now = usedAt.millisecondsSince1970
        if lastUsed.map({ now - $0 >= Self.lastUseResolution }) ?? true {
            try await write("record the use of a token", lock: nil) { session in
                try await session.execute("UPDATE api_tokens SET last_used_at = \(now) WHERE digest = \(tokenDigest)")
            }
        }
        return account
    }

    public func tokens(of account: String) async throws -> [APITokenRecord] {
        try await read("list the tokens of account \(account)") { session in
            try await session.rows(
                """
                SELECT account, digest, label, created_at, last_used_at FROM api_tokens
                WHERE account = \(account) ORDER BY created_at, digest
                """
            ).map { row in
                let (owner, digest, label, created, lastUsed) = try row.decode((String, String, String, Int64, Int64?).self)
                return APITokenRecord(
                    account: owner, digest: digest, label: label, createdAt: Date(millisecondsSince1970: created),
                    lastUsedAt: lastUsed.map(Date.init(millisecondsSince1970:))
                )
            }
        }
    }

    public func revokeToken(of account: String, id: String) async throws -> APITokenRecord {
        let tokens = try await tokens(of: account)
        guard let token = tokens.first(where: { $0.id == id }) else { throw AccountError.unknownToken(account: account, id: id) }
        try await write("revoke token \(id) of account \(account)", lock: nil) { session in
            try await session.execute("DELETE FROM api_tokens WHERE account = \(account) AND digest = \(token.digest)")
        }
        return token
    }

    /// A token's last use is written at most once per this many milliseconds.
    static let lastUseResolution: Int64 = 60_000

    private static func account(_ row: PostgresRow) throws -> Account {
        let (name, role, hash, created, disabled) = try row.decode((String, String, String, Int64, Int64?).self)
        return account(name, role, hash, created, disabled)
    }

    /// A role this release does not know (written by a newer one) reads as the lowest, `viewer`.
    private static func account(_ name: String, _ role: String, _ hash: String, _ created: Int64, _ disabled: Int64?) -> Account {
        Account(
            name: name, role: AccountRole(rawValue: role) ?? .viewer, passwordHash: hash,
            createdAt: Date(millisecondsSince1970: created), disabledAt: disabled.map(Date.init(millisecondsSince1970:))
        )
    }
}
