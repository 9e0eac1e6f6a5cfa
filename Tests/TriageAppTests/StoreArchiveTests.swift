import Foundation
import PostgresStore
import SQLiteStore
import Testing
import TicketStore
import TriageApp
import TriageCore
import TriageTesting

/// `triage store export` and `import` through their one exporter and importer: a store goes from
/// SQLite to PostgreSQL and back with every field equal, in pages and batches small enough that
/// the fixture crosses many of them, accounts and token records included; version 1 archives (no
/// accounts) still import; damaged archives and non-empty stores are refused with the line and the fix.
@Suite struct StoreArchiveTests {
    /// Writes `store`'s archive to `file`, three rows a page.
    func export(_ store: any StoreArchive, to file: URL) async throws -> ArchiveTotals {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        return try await StoreExporter(store: store, source: "test", pageSize: 3).export(to: handle)
    }

    /// Reads `file` into `store`, two rows a batch.
    func importArchive(_ file: URL, into store: any StoreArchive) async throws -> ArchiveTotals {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        return try await StoreImporter(store: store, target: "the test store", batchSize: 2).importArchive(from: handle)
    }

    /// A migrated SQLite store holding the fixture.
    func filledSQLite(_ folder: TemporaryFolder, clock: TestClock) async throws -> SQLiteTicketStore {
        let store = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await store.migrate()
        try await ArchiveFixture.fill(store, clock: clock)
        return store
    }

    @Test func sqliteToPostgresAndBackKeepsEveryFieldAndNewTicketsGetFreshIDs() async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let source = try await filledSQLite(folder, clock: clock)
        let expected = try await StoreSnapshot(source)
        #expect(expected.tickets.count == 3 && expected.deliveries.count >= 4 && expected.results.count == 10)
        #expect(expected.tickets.contains { $0.escalationSteps == 1 }, "the fixture escalated its incident")
        #expect(expected.accounts.map(\.name) == ["ana", "bo"] && expected.tokens.count == 3)
        #expect(expected.accounts.last?.disabledAt != nil, "bo is disabled")
        #expect(expected.tokens.contains { $0.lastUsedAt != nil } && expected.tokens.contains { $0.lastUsedAt == nil })
        let first = folder.url.appendingPathComponent("first.jsonl")
        let exported = try await export(source, to: first)
        #expect(exported.tickets == 3 && exported.probeResults == 10 && exported.accounts == 2 && exported.apiTokens == 3)

        try await ScratchDatabase.with { url in
            try await ScratchDatabase.withStore(url, clock: clock) { postgres in
                #expect(try await importArchive(first, into: postgres) == exported)
                #expect(try await StoreSnapshot(postgres) == expected)
                let second = folder.url.appendingPathComponent("second.jsonl")
                _ = try await export(postgres, to: second)
                try await expectFreshIDs(postgres, after: expected, clock: clock)

                let back = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
                try await back.migrate()
                #expect(try await importArchive(second, into: back) == exported)
                #expect(try await StoreSnapshot(back) == expected, "SQLite → PostgreSQL → SQLite")
                try await expectFreshIDs(back, after: expected, clock: clock)
            }
        }
        let lines = try String(contentsOf: first, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 3 + expected.events.count + expected.deliveries.count + 1 + 2 + 3 + 10 + 1)
        #expect(lines.contains { $0.contains("Zoë O'Brien") }, "unicode written as it is, one row a line")
    }

    /// A ticket filed after an import gets the next id, its event too, and neither collides.
    func expectFreshIDs(_ store: any SharedStore, after snapshot: StoreSnapshot, clock: TestClock) async throws {
        let filed = try await store.file(
            NewTicket(code: .green, customer: "acme", summary: "after the import", openedBy: "ana"), plans: SupportPlans(),
            at: clock.now
        )
        #expect(filed.id == (snapshot.tickets.map(\.ticket.id).max() ?? 0) + 1)
        let newEvents = try await store.archivedEvents(after: snapshot.events.map(\.id).max() ?? 0, limit: 10)
        #expect(newEvents.map(\.event.ticketID) == [filed.id], "one new event, after the imported ones")
    }

    @Test func importIntoAStoreHoldingTicketsIsRefusedWithTheFix() async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let source = try await filledSQLite(folder, clock: clock)
        let archive = folder.url.appendingPathComponent("archive.jsonl")
        _ = try await export(source, to: archive)
        let error = await #expect(throws: ArchiveError.self) { try await importArchive(archive, into: source) }
        #expect(error?.line == nil)
        #expect(
            error?.description.contains("the test store is not empty (it holds 3 tickets and probe results and 2 accounts)")
                == true, "\(String(describing: error))"
        )
        #expect(error?.description.contains("createdb") == true)
        #expect(try await StoreSnapshot(source).tickets.count == 3, "nothing written")
    }

    @Test func aTruncatedArchiveNamesItsLastLineAndThePartialImport() async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let archive = folder.url.appendingPathComponent("archive.jsonl")
        _ = try await export(try await filledSQLite(folder, clock: clock), to: archive)
        let lines = try String(contentsOf: archive, encoding: .utf8).split(separator: "\n")
        let cut = folder.url.appendingPathComponent("cut.jsonl")
        try lines.dropLast().joined(separator: "\n").write(to: cut, atomically: true, encoding: .utf8)
        let target = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await target.migrate()
        let error = await #expect(throws: ArchiveError.self) { try await importArchive(cut, into: target) }
        #expect(error?.line == lines.count - 1)
        #expect(error?.description.contains("without its end line: it was cut short") == true, "\(String(describing: error))")
        #expect(error?.description.contains("rows were imported before it") == true)
        let again = await #expect(throws: ArchiveError.self) { try await importArchive(archive, into: target) }
        #expect(again?.description.contains("is not empty") == true, "a partial store is never taken for an empty one")
    }

    @Test(arguments: [
        (3, #"{"table":"ticket_events","row":{"id":1,"#, "not a valid archive line"),
        (2, #"{"table":"tickets_v2","row":{}}"#, "not a valid archive line at table"),
        (2, #"{"table":"tickets","row":{"id":1}}"#, #"the field "code" is missing at row"#),
        (1, #"{"hello":"world"}"#, "this is not a triage store archive"),
    ])
    func aDamagedLineIsNamed(line: Int, text: String, message: String) async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let archive = folder.url.appendingPathComponent("archive.jsonl")
        _ = try await export(try await filledSQLite(folder, clock: clock), to: archive)
        var lines = try String(contentsOf: archive, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[line - 1] = text
        try lines.joined(separator: "\n").write(to: archive, atomically: true, encoding: .utf8)
        let target = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await target.migrate()
        let error = await #expect(throws: ArchiveError.self) { try await importArchive(archive, into: target) }
        #expect(error?.line == line)
        #expect(error?.description.hasPrefix("archive line \(line): \(message)") == true, "\(String(describing: error))")
    }

    @Test func anEndLineThatCountsOtherwiseIsRefused() async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let archive = folder.url.appendingPathComponent("archive.jsonl")
        _ = try await export(try await filledSQLite(folder, clock: clock), to: archive)
        var lines = try String(contentsOf: archive, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.remove(at: lines.count - 2)
        try lines.joined(separator: "\n").write(to: archive, atomically: true, encoding: .utf8)
        let target = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await target.migrate()
        let error = await #expect(throws: ArchiveError.self) { try await importArchive(archive, into: target) }
        #expect(error?.line == lines.count)
        #expect(error?.description.contains("the end line counts 3 tickets") == true, "\(String(describing: error))")
        #expect(error?.description.contains("9 probe results") == true)
    }

    @Test func aStoreHoldingOnlyAnAccountIsRefused() async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let archive = folder.url.appendingPathComponent("archive.jsonl")
        _ = try await export(try await filledSQLite(folder, clock: clock), to: archive)
        let target = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await target.migrate()
        try await target.addAccount(NewAccount(name: "ana", role: .admin, passwordHash: "h", at: clock.now))
        let error = await #expect(throws: ArchiveError.self) { try await importArchive(archive, into: target) }
        #expect(
            error?.description.hasPrefix("archive: the test store is not empty (it holds 0 tickets and 1 accounts)")
                == true, "\(String(describing: error))"
        )
    }

    @Test func aVersionOneArchiveWithoutAccountsStillImports() async throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let source = try await filledSQLite(folder, clock: clock)
        var expected = try await StoreSnapshot(source)
        let archive = folder.url.appendingPathComponent("archive.jsonl")
        _ = try await export(source, to: archive)
        let old = try String(contentsOf: archive, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix(#"{"row":"#) || !($0.contains(#""table":"accounts""#) || $0.contains(#""table":"api_tokens""#)) }
            .map { $0.replacing(#""version":2"#, with: #""version":1"#).replacing(#""accounts":2,"api_tokens":3,"#, with: "") }
        #expect(old.count == 1 + 3 + expected.events.count + expected.deliveries.count + 1 + 10 + 1, "no account or token line left")
        try old.joined(separator: "\n").write(to: archive, atomically: true, encoding: .utf8)
        let target = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await target.migrate()
        let totals = try await importArchive(archive, into: target)
        #expect(totals.tickets == 3 && totals.accounts == 0 && totals.probeResults == 10)
        (expected.accounts, expected.tokens) = ([], [])
        #expect(try await StoreSnapshot(target) == expected)
    }
}
