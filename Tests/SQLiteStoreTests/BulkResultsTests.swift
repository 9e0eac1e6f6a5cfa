import Foundation
import Testing
import TicketStore
import TriageCore
import TriageTesting
import SQLiteStore

/// The results table at volume: a large batch stays consistent, and retention deletes in chunks.
@Suite("SQLiteTicketStore bulk results")
struct BulkResultsTests {
    @Test("100,000 results insert in one batch, the file checks out, and pruning half of them is exact")
    func bulkInsertThenPrune() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteTicketStore(path: folder.newDatabasePath())
        try await store.migrate()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let checks = (0..<100).map { "customer\($0)/www/http" }
        let results = (0..<100_000).map { index in
            probeResult(checks[index % checks.count], at: start.addingTimeInterval(Double(index / checks.count)))
        }
        try await store.record(results)
        #expect(try await store.integrityProblems().isEmpty)
        let end = start.addingTimeInterval(1_000)
        #expect(try await store.results(checkID: checks[7], from: start, to: end).count == 1_000)

        let pruned = try await store.pruneResults(before: start.addingTimeInterval(500))
        #expect(pruned == 50_000)
        let kept = try await store.results(checkID: checks[7], from: start, to: end)
        #expect(kept.count == 500)
        #expect(kept.first?.startedAt == start.addingTimeInterval(500))
        #expect(try await store.integrityProblems().isEmpty)
    }
}
