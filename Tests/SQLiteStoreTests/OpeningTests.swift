import Foundation
import Testing
import TriageTesting
import TicketStore
import TriageCore
import SQLiteStore

/// Opening a store: the folder is made on a fresh install, and a path that cannot work fails
/// with an error that names it and says what to do.
@Suite("SQLiteTicketStore opening")
struct OpeningTests {
    @Test("the parent folders are created when missing")
    func createsMissingFolders() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("srv/triage/var/triage.sqlite").path
        let store = try SQLiteTicketStore(path: path)
        try await store.migrate()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try await store.activeDedupKeys().isEmpty)
    }

    @Test("a folder that cannot be created is reported with the path and a fix")
    func folderInTheWay() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.url.appendingPathComponent("var")
        try Data("not a folder".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("triage.sqlite").path
        let error = #expect(throws: TicketStoreError.self) { try SQLiteTicketStore(path: path) }
        #expect(error?.location == path)
        #expect(error?.operation == "open")
        #expect(error?.message.contains("choose another store path") == true)
    }

    @Test("a file that is not a database is reported with the path and a fix")
    func notADatabase() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("triage.sqlite").path
        try Data(String(repeating: "this is not SQLite. ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = await #expect(throws: TicketStoreError.self) {
            let store = try SQLiteTicketStore(path: path)
            try await store.migrate()
        }
        #expect(error?.location == path)
        #expect(error?.message.contains("is not a triage database") == true)
    }
}
