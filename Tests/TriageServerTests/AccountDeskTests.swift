import Foundation
import HummingbirdBcrypt
import Testing
import TicketStore
import TriageServer

/// Accounts as `triage users` makes them: bcrypt hashes that verify and are not the password,
/// names and passwords checked, tokens stored as digests only.
@Suite("Account desk")
struct AccountDeskTests {
    @Test func passwordsAreStoredAsBcryptHashes() async throws {
        let api = try await APIHarness()
        let account = try await api.accounts.add(name: "ana", role: .ops, password: "a long secret")
        #expect(account.passwordHash != "a long secret")
        #expect(account.passwordHash.hasPrefix("$2b$04$"), "cost 4 as the test asked, bcrypt's 2b format")
        #expect(!account.passwordHash.contains("a long secret"))
        #expect(AccountDesk.verify("a long secret", of: account))
        #expect(!AccountDesk.verify("a long secreT", of: account))
        #expect(AccountDesk.productionCost == 12)
        #expect(AccountDesk(store: api.store, clock: api.clock).cost == 12, "the default cost is production's")
    }

    @Test func namesAndPasswordsAreChecked() async throws {
        let api = try await APIHarness()
        await #expect(throws: AccountInputError.badName("Ana Smith")) {
            try await api.accounts.add(name: "Ana Smith", role: .ops, password: "a long secret")
        }
        await #expect(throws: AccountInputError.shortPassword(minimum: 10)) {
            try await api.accounts.add(name: "ana", role: .ops, password: "short")
        }
        await #expect(throws: AccountError.nameTaken("ops-user")) {
            try await api.accounts.add(name: "ops-user", role: .viewer, password: "a long secret")
        }
    }

    @Test func tokensAreStoredAsDigestsOnly() async throws {
        let api = try await APIHarness()
        let token = try await api.accounts.issueToken(for: "viewer-user", label: "laptop")
        #expect(token.value.hasPrefix("triage_") && token.value.count == 71)
        let stored = try await api.store.tokens(of: "viewer-user").map(\.digest)
        #expect(stored.contains(token.digest))
        #expect(!stored.contains(token.value))
        #expect(token.digest.count == 64, "SHA-256 in hex")
        #expect(APIToken.generate() != APIToken.generate())
    }
}
