import Foundation
import Testing
import PostgresStore
import TicketStore
import TriageCore
import TriageTesting

/// The results table at volume on PostgreSQL: one large batch in one statement, every nullable
/// column kept exactly, and retention deleting in chunks.
@Suite("PostgresTicketStore bulk results")
struct PostgresBulkResultsTests {
    @Test("20,000 results insert in one batch and pruning half of them is exact, over several chunks")
    func bulkInsertThenPrune() async throws {
        try await TestDatabase.with { database in
            let store = try database.store()
            try await store.migrate()
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let checks = (0..<20).map { "customer\($0)/www/http" }
            let results = (0..<20_000).map { index in
                ProbeResult(
                    checkID: checks[index % checks.count], startedAt: start.addingTimeInterval(Double(index / checks.count)),
                    outcome: index % 3 == 0 ? .down : .up, failure: index % 3 == 0 ? .timeout : nil, reason: "r\(index)",
                    statusCode: index % 3 == 0 ? nil : 200,
                    timings: PhaseTimings(dns: 0.001, connect: 0.002, tls: 0.01, firstByte: 0.05, total: 0.08), bytesRead: index,
                    certificateExpiresAt: index % 2 == 0 ? start.addingTimeInterval(86_400) : nil
                )
            }
            try await store.record(results)
            let end = start.addingTimeInterval(1_000)
            let read = try await store.results(checkID: checks[7], from: start, to: end)
            #expect(read == results.filter { $0.checkID == checks[7] })

            let pruned = try await store.pruneResults(before: start.addingTimeInterval(500))
            #expect(pruned == 10_000)
            let kept = try await store.results(checkID: checks[7], from: start, to: end)
            #expect(kept.count == 500)
            #expect(kept.first?.startedAt == start.addingTimeInterval(500))
        }
    }
}
