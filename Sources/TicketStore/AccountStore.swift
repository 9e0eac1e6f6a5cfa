import Foundation
import TriageCore

/// The store's side of the people who use the HTTP API: accounts with a role and a bcrypt
/// password hash, and API tokens, of which the store keeps only a SHA-256 digest.
///
/// The store never sees a password or a token: callers hash the password (bcrypt, in
/// `TriageServer.Passwords`) and digest the token (`TriageServer.APIToken`) before they call it, so
/// a copy of the database gives nobody a way in. Accounts are disabled, never deleted, so the
/// audit trail's authors keep meaning something.
///
/// ```swift
/// try await store.addAccount(NewAccount(name: "ana", role: .ops, passwordHash: hash, at: clock.now))
/// try await store.addToken(NewAPIToken(account: "ana", digest: token.digest, label: "laptop", at: clock.now))
/// let who = try await store.account(tokenDigest: token.digest, usedAt: clock.now)   // nil when disabled or unknown
/// ```
public protocol AccountStore: Sendable {
    /// Creates an account. - Throws: `AccountError.nameTaken` when the name exists (enabled or not).
    @discardableResult
    func addAccount(_ account: NewAccount) async throws -> Account

    /// Every account, disabled ones included, by name.
    func accounts() async throws -> [Account]

    /// The account with this name, disabled or not; nil when there is none.
    func account(named name: String) async throws -> Account?

    /// Disables an account (idempotent: the first instant is kept): its password and tokens stop
    /// working at once. - Throws: `AccountError.unknownAccount`.
    @discardableResult
    func disableAccount(named name: String, at: Date) async throws -> Account

    /// Stores a token's digest for an enabled account.
    /// - Throws: `AccountError.unknownAccount`, or `.disabled` for a disabled account.
    func addToken(_ token: NewAPIToken) async throws

    /// The enabled account that holds the token with this digest, nil otherwise; records `usedAt`
    /// as the token's last use (at most once a minute, so reading does not become a write per request).
    func account(tokenDigest: String, usedAt: Date) async throws -> Account?

    /// The tokens of an account (digests, labels, creation and last use), oldest first.
    func tokens(of account: String) async throws -> [APITokenRecord]

    /// Revokes one token of `account`, named by its ``APITokenRecord/id``: it stops working at once
    /// and its row is deleted (the store only ever held its digest, so nothing is lost). Returns
    /// what it was. - Throws: `AccountError.unknownToken` when the account has no such token.
    @discardableResult
    func revokeToken(of account: String, id: String) async throws -> APITokenRecord
}

/// Why an account operation was refused, in words a person can act on.
public enum AccountError: Error, Sendable, Hashable, CustomStringConvertible {
    case nameTaken(String)
    case unknownAccount(String)
    case disabled(String)
    case unknownToken(account: String, id: String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "an account named \(name) exists already; choose another name (`triage users list` shows them)"
        case .unknownAccount(let name): "no account named \(name); `triage users list` shows them, `triage users add` creates one"
        case .disabled(let name): "account \(name) is disabled; create a new account instead"
        case .unknownToken(let account, let id):
            "account \(account) has no token \(id); `triage users tokens \(account)` lists its tokens' ids"
        }
    }
}
