import Foundation
import SQLiteStore
import Testing
import TicketStore
import TriageApp
import TriageCore
import TriageTesting

/// Accounts moved by `triage store export` and `import`: a token issued before the export opens
/// the API of a server over the imported store, a password still signs in to the dashboard, and a
/// disabled account stays shut out.
@Suite("Accounts across an archive", .serialized)
struct ArchivedAccountsTests {
    @Test func tokensAndPasswordsWorkAfterImportAndDisabledAccountsStayDisabled() async throws {
        let api = try await APIHarness()
        _ = try await api.store.disableAccount(named: "viewer-user", at: api.clock.now)
        let archive = api.folder.url.appendingPathComponent("archive.jsonl")
        _ = FileManager.default.createFile(atPath: archive.path, contents: nil)
        let output = try FileHandle(forWritingTo: archive)
        let exported = try await StoreExporter(store: api.store, source: "test").export(to: output)
        try output.close()
        #expect(exported.accounts == 4 && exported.apiTokens == 4)
        let text = try String(contentsOf: archive, encoding: .utf8)
        for role in AccountRole.allCases {
            #expect(!text.contains(try #require(api.tokens[role])), "the archive holds no token of \(role)")
        }
        #expect(!text.contains("correct horse"), "nor any password")

        let imported = try SQLiteTicketStore(path: api.folder.newDatabasePath(), clock: api.clock)
        try await imported.migrate()
        let input = try FileHandle(forReadingFrom: archive)
        #expect(try await StoreImporter(store: imported, target: "test").importArchive(from: input) == exported)
        try input.close()

        try await api.whileServing(over: imported) { base in
            let accounts = try await api.send("GET", base + "/api/v1/accounts", as: .admin)
            #expect(accounts.status == 200, "a token issued before the export opens the imported store's API")
            #expect(accounts.text.contains("ops-user"))
            #expect(try await api.send("GET", base + "/api/v1/queue", as: .viewer).status == 401, "a disabled account stays disabled")
            let browser = DashboardBrowser(api, base: base)
            #expect(try await browser.logIn("ops-user", password: "correct horse ops").status == 303, "the password still signs in")
        }
    }
}
