import Foundation
import GRDB
import TicketStore
import TriageCore

/// Accounts and API token digests on SQLite. A name is claimed with `ON CONFLICT DO NOTHING`, so
/// two `triage users add` racing on one name give one account and one clear refusal.
extension SQLiteTicketStore: AccountStore {
    static let accountColumns = "name, role, password_hash, created_at, disabled_at"

    public func addAccount(_ account: NewAccount) async throws -> Account {
        let created = try await write("add account \(account.name)") { db in
            try db.execute(
                sql: "INSERT INTO accounts (\(Self.accountColumns)) VALUES (?, ?, ?, ?, NULL) ON CONFLICT (name) DO NOTHING",
                arguments: [account.name, account.role.rawValue, account.passwordHash, account.at.millisecondsSince1970]
            )
            return db.changesCount > 0
        }
        guard created else { throw AccountError.nameTaken(account.name) }
        return Account(name: account.name, role: account.role, passwordHash: account.passwordHash, createdAt: account.at)
    }

    public func accounts() async throws -> [Account] {
        try await read("list accounts") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM accounts ORDER BY name").map(Self.account)
        }
    }

    public func account(named name: String) async throws -> Account? {
        try await read("read account \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM accounts WHERE name = ?", arguments: [name]).map(Self.account)
        }
    }

    public func disableAccount(named name: String, at: Date) async throws -> Account {
        let account = try await write("disable account \(name)") { db in
            try db.execute(
                sql: "UPDATE accounts SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL",
                arguments: [at.millisecondsSince1970, name]
            )
            return try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM accounts WHERE name = ?", arguments: [name])
                .map(Self.account)
        }
        guard let account else { throw AccountError.unknownAccount(name) }
        return account
    }

    public func addToken(_ token: NewAPIToken) async throws {
        let refusal: AccountError? = try await write("add a token for account \(token.account)") { db in
            let disabled = try Row.fetchOne(db, sql: "SELECT disabled_at FROM accounts WHERE name = ?", arguments: [token.account])
            guard let disabled else { return .unknownAccount(token.account) }
            guard (disabled[0] as Int64?) == nil else { return .disabled(token.account) }
            try db.execute(
                sql: "INSERT INTO api_tokens (digest, account, label, created_at, last_used_at) VALUES (?, ?, ?, ?, NULL)",
                arguments: [token.digest, token.account, token.label, token.at.millisecondsSince1970]
            )
            return nil
        }
        if let refusal { throw refusal }
    }

    public func account(tokenDigest: String, usedAt: Date) async throws -> Account? {
        let found = try await read("find the account of a token") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.name, a.role, a.password_hash, a.created_at, a.disabled_at, t.last_used_at
                    FROM api_tokens t JOIN accounts a ON a.name = t.account
                    WHERE t.digest = ? AND a.disabled_at IS NULL
                    """,
                arguments: [tokenDigest]
            ).map { (Self.account($0), $0[5] as Int64?) }
        }
        guard let (account, lastUsed) = found else { return nil }
        let now = usedAt.millisecondsSince1970
        if lastUsed.map({ now - $0 >= Self.lastUseResolution }) ?? true {
            try await write("record the use of a token") { db in
                try db.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE digest = ?", arguments: [now, tokenDigest])
            }
        }
        return account
    }

    public func tokens(of account: String) async throws -> [APITokenRecord] {
        try await read("list the tokens of account \(account)") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT account, digest, label, created_at, last_used_at FROM api_tokens WHERE account = ? ORDER BY created_at, digest",
                arguments: [account]
            ).map { row in
                APITokenRecord(
                    account: row[0], digest: row[1], label: row[2], createdAt: Date(millisecondsSince1970: row[3]),
                    lastUsedAt: (row[4] as Int64?).map(Date.init(millisecondsSince1970:))
                )
            }
        }
    }

    public func revokeToken(of account: String, id: String) async throws -> APITokenRecord {
        let tokens = try await tokens(of: account)
        guard let token = tokens.first(where: { $0.id == id }) else { throw AccountError.unknownToken(account: account, id: id) }
        try await write("revoke token \(id) of account \(account)") { db in
            try db.execute(sql: "DELETE FROM api_tokens WHERE account = ? AND digest = ?", arguments: [account, token.digest])
        }
        return token
    }

    /// A token's last use is written at most once per this many milliseconds.
    static let lastUseResolution: Int64 = 60_000

    private static func account(_ row: Row) -> Account {
        Account(
            name: row[0], role: AccountRole(rawValue: row[1]) ?? .viewer, passwordHash: row[2],
            createdAt: Date(millisecondsSince1970: row[3]), disabledAt: (row[4] as Int64?).map(Date.init(millisecondsSince1970:))
        )
    }
}
