import Foundation
import TicketStore
import TriageCore

/// The promises every `AccountStore` backend keeps: unique names, disabling that is idempotent and
/// cuts the account's tokens at once, tokens found by digest only, and a last use written at most
/// once a minute (checked with a test clock, never by sleeping).
///
/// ```swift
/// @Test(arguments: AccountStoreContract.all)
/// func accounts(name: String, run: @Sendable (AccountStoreContract.StoreFactory) async throws -> Void) async throws {
///     try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
/// }
/// ```
public enum AccountStoreContract {
    public typealias Store = any TicketStore & AccountStore
    /// Opens a new, unmigrated store.
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> Store
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    public static let all: [Check] = [
        ("an account is stored with its role and hash, listed by name, and its name is unique", namesAreUnique),
        ("a token finds its enabled account by digest only; a disabled account's tokens find nothing", tokensFindAccounts),
        ("a token's last use is written at most once a minute", lastUseIsCoarse),
        ("tokens are refused for unknown and disabled accounts; disabling keeps the first instant", refusals),
        ("a revoked token stops working at once, the account's other tokens go on; an unknown id is refused", revocation),
    ]

    static func opened(_ makeStore: StoreFactory, _ clock: TestClock) async throws -> Store {
        let store = try await makeStore(clock)
        try await store.migrate()
        return store
    }

    static func namesAreUnique(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        let ana = try await store.addAccount(NewAccount(name: "ana", role: .ops, passwordHash: "$2b$04$hash-a", at: clock.now))
        try await store.addAccount(NewAccount(name: "bo", role: .viewer, passwordHash: "$2b$04$hash-b", at: clock.now))
        try await Expect.throwsError(AccountError.nameTaken("ana"), "a second account named ana") {
            try await store.addAccount(NewAccount(name: "ana", role: .admin, passwordHash: "other", at: clock.now))
        }
        let read = try Expect.present(try await store.account(named: "ana"), "account ana")
        try Expect.equal(read, ana, "account ana as read back")
        try Expect.equal(read.role, .ops, "ana's role (not the refused admin)")
        try Expect.equal(read.passwordHash, "$2b$04$hash-a", "ana's hash")
        try Expect.equal(try await store.accounts().map(\.name), ["ana", "bo"], "accounts by name")
        try Expect.that(try await store.account(named: "nobody") == nil, "an unknown name finds no account")
    }

    static func tokensFindAccounts(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        try await store.addAccount(NewAccount(name: "ana", role: .manager, passwordHash: "h", at: clock.now))
        try await store.addToken(NewAPIToken(account: "ana", digest: "d1", label: "laptop", at: clock.now))
        try await store.addToken(NewAPIToken(account: "ana", digest: "d2", label: "grafana", at: clock.now))
        try Expect.equal(try await store.account(tokenDigest: "d2", usedAt: clock.now)?.name, "ana", "the account of token d2")
        try Expect.that(try await store.account(tokenDigest: "d3", usedAt: clock.now) == nil, "an unknown digest finds nobody")
        try Expect.equal(try await store.tokens(of: "ana").map(\.label).sorted(), ["grafana", "laptop"], "ana's tokens")
        clock.advance(by: .seconds(5))
        let disabled = try await store.disableAccount(named: "ana", at: clock.now)
        try Expect.equal(disabled.disabledAt, clock.now, "when ana was disabled")
        try Expect.that(try await store.account(tokenDigest: "d1", usedAt: clock.now) == nil, "a disabled account's token finds nobody")
    }

    static func revocation(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        try await store.addAccount(NewAccount(name: "ana", role: .ops, passwordHash: "h", at: clock.now))
        try await store.addAccount(NewAccount(name: "bo", role: .ops, passwordHash: "h", at: clock.now))
        let laptop = String(repeating: "a", count: 64), grafana = String(repeating: "b", count: 64)
        try await store.addToken(NewAPIToken(account: "ana", digest: laptop, label: "laptop", at: clock.now))
        try await store.addToken(NewAPIToken(account: "ana", digest: grafana, label: "grafana", at: clock.now))
        try await Expect.throwsError(AccountError.unknownToken(account: "bo", id: "aaaaaaaaaaaa"), "ana's token revoked as bo's") {
            try await store.revokeToken(of: "bo", id: "aaaaaaaaaaaa")
        }
        let revoked = try await store.revokeToken(of: "ana", id: "aaaaaaaaaaaa")
        try Expect.equal([revoked.label, revoked.digest], ["laptop", laptop], "what was revoked")
        try Expect.that(try await store.account(tokenDigest: laptop, usedAt: clock.now) == nil, "the revoked token finds nobody")
        try Expect.equal(try await store.account(tokenDigest: grafana, usedAt: clock.now)?.name, "ana", "the other token still works")
        try Expect.equal(try await store.tokens(of: "ana").map(\.label), ["grafana"], "ana's tokens after the revocation")
        try await Expect.throwsError(AccountError.unknownToken(account: "ana", id: "aaaaaaaaaaaa"), "a token revoked twice") {
            try await store.revokeToken(of: "ana", id: "aaaaaaaaaaaa")
        }
    }

    static func lastUseIsCoarse(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        try await store.addAccount(NewAccount(name: "ana", role: .ops, passwordHash: "h", at: clock.now))
        try await store.addToken(NewAPIToken(account: "ana", digest: "d1", label: "cli", at: clock.now))
        try Expect.that(try await store.tokens(of: "ana").first?.lastUsedAt == nil, "a new token was never used")
        let first = clock.now
        _ = try await store.account(tokenDigest: "d1", usedAt: first)
        clock.advance(by: .seconds(30))
        _ = try await store.account(tokenDigest: "d1", usedAt: clock.now)
        try Expect.equal(try await store.tokens(of: "ana").first?.lastUsedAt, first, "last use 30 s later (unchanged)")
        clock.advance(by: .seconds(31))
        _ = try await store.account(tokenDigest: "d1", usedAt: clock.now)
        try Expect.equal(try await store.tokens(of: "ana").first?.lastUsedAt, clock.now, "last use 61 s later")
    }

    static func refusals(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        try await Expect.throwsError(AccountError.unknownAccount("ghost"), "a token for an unknown account") {
            try await store.addToken(NewAPIToken(account: "ghost", digest: "d", label: "x", at: clock.now))
        }
        try await Expect.throwsError(AccountError.unknownAccount("ghost"), "disabling an unknown account") {
            try await store.disableAccount(named: "ghost", at: clock.now)
        }
        try await store.addAccount(NewAccount(name: "ana", role: .ops, passwordHash: "h", at: clock.now))
        let first = try await store.disableAccount(named: "ana", at: clock.now).disabledAt
        clock.advance(by: .seconds(60))
        try Expect.equal(try await store.disableAccount(named: "ana", at: clock.now).disabledAt, first, "disabled twice: the first instant")
        try await Expect.throwsError(AccountError.disabled("ana"), "a token for a disabled account") {
            try await store.addToken(NewAPIToken(account: "ana", digest: "d", label: "x", at: clock.now))
        }
    }
}
