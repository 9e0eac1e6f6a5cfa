import Foundation
import TicketStore
import TriageCore
import TriageTesting

/// The store's side of the benchmark alone: how many probe results per second one node stores, in
/// the batches the daemon's result writer sends (500), one batch at a time as it does. No probe
/// runs, so the figure is the store's limit, not the probes'.
struct ResultWriteBench {
    var store: any TicketStore
    var results: Int
    var batchSize: Int
    var checks: Int

    /// Writes `results` synthetic results (one per check per second of a made-up day) and prints the rate.
    func run(storeName: String) async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let checkIDs = (0..<checks).map { "bench/site-\($0)/http" }
        let batches = stride(from: 0, to: results, by: batchSize).map { first in
            (first..<min(first + batchSize, results)).map { index in
                ProbeResult(
                    checkID: checkIDs[index % checks], startedAt: start.addingTimeInterval(Double(index / checks)),
                    outcome: index % 50 == 0 ? .down : .up, failure: index % 50 == 0 ? .connectionRefused : nil,
                    reason: index % 50 == 0 ? "connection refused" : "HTTP 200", statusCode: index % 50 == 0 ? nil : 200,
                    timings: PhaseTimings(dns: 0.1, connect: 0.4, tls: 0, firstByte: 1.2, total: 1.5), bytesRead: 612
                )
            }
        }
        let cpuBefore = ProcessUsage.cpuSeconds()
        let began = Date()
        for batch in batches { try await store.record(batch) }
        let seconds = Date().timeIntervalSince(began)
        let cpu = ProcessUsage.cpuSeconds() - cpuBefore
        print("store:                   \(storeName)")
        print("results stored:          \(results) in \(batches.count) batches of \(batchSize), \(String(format: "%.2f", seconds)) s")
        print("results per second:      \(String(format: "%.0f", Double(results) / seconds))")
        print("CPU ms per 1,000 results: \(String(format: "%.1f", cpu / Double(results) * 1_000_000)) (this process)")
    }
}
