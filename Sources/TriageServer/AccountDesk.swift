import Foundation
import HummingbirdBcrypt
import TicketStore
import TriageCore

/// Account management as `triage users` (and the admin API) does it: names checked, passwords
/// hashed with bcrypt before the store sees them, tokens generated and stored as digests.
public struct AccountDesk: Sendable {
    /// bcrypt's cost in production: about a quarter of a second per hash on a current core, so a
    /// stolen hash costs an attacker as much per guess.
    public static let productionCost: UInt8 = 12

    public let store: any AccountStore
    public let clock: any TriageClock
    /// The bcrypt cost (log2 of rounds); tests pass a low one explicitly.
    public let cost: UInt8

    public init(store: any AccountStore, clock: any TriageClock, cost: UInt8 = AccountDesk.productionCost) {
        self.store = store
        self.clock = clock
        self.cost = cost
    }

    /// Creates an account. - Throws: `AccountInputError` for a bad name or a short password,
    /// `AccountError.nameTaken` when the name exists.
    @discardableResult
    public func add(name: String, role: AccountRole, password: String) async throws -> Account {
        try Self.check(name: name)
        guard password.count >= Self.minimumPasswordLength else { throw AccountInputError.shortPassword(minimum: Self.minimumPasswordLength) }
        let hash = Bcrypt.hash(password, cost: cost)
        return try await store.addAccount(NewAccount(name: name, role: role, passwordHash: hash, at: clock.now))
    }

    /// A new token for an enabled account, returned once: only its digest is stored.
    public func issueToken(for name: String, label: String) async throws -> APIToken {
        let token = APIToken.generate()
        try await store.addToken(NewAPIToken(account: name, digest: token.digest, label: label, at: clock.now))
        return token
    }

    /// True when `password` is the account's and the account is enabled.
    public static func verify(_ password: String, of account: Account) -> Bool {
        account.isEnabled && Bcrypt.verify(password, hash: account.passwordHash)
    }

    public static let minimumPasswordLength = 10

    /// Names are what the audit trail records as the author: lower-case letters, digits, `.`, `_`, `-`.
    static func check(name: String) throws(AccountInputError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (1...64).contains(name.count), name.allSatisfy(allowed.contains), name.first?.isLetter == true else {
            throw .badName(name)
        }
    }
}

/// Why `triage users add` refused its input, in words a person can act on.
public enum AccountInputError: Error, Sendable, Hashable, CustomStringConvertible {
    case badName(String)
    case shortPassword(minimum: Int)

    public var description: String {
        switch self {
        case .badName(let name):
            "account name \"\(name)\" is not usable: start with a letter, then use lower-case letters, digits, '.', '_' or '-' (at most 64)"
        case .shortPassword(let minimum):
            "the password is too short: give at least \(minimum) characters"
        }
    }
}
