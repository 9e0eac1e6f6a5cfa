import Alerting
import ArgumentParser
import CurlEngine
import Foundation
import Logging
import Notifiers
import SQLiteStore
import TicketStore
import TriageCore
import TriageTesting

/// `triage-alert-bench`: the time from a RED finding's detection to its webhook request arriving
/// at a local receiver, through the whole path (the incident's transaction, routing from the
/// audit trail, the delivery queue, the webhook POST). Incidents are raised at a steady rate
/// while the alerting service runs as in the daemon; prints p50, p90, p99 and the maximum.
/// `scripts/bench-alerts.sh` starts the receiver and runs it.
@main
struct AlertBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage-alert-bench", abstract: "Measure detection-to-webhook latency of RED incidents."
    )

    @Option(help: "How many incidents to raise.")
    var incidents = 1000

    @Option(help: "Incidents raised per second.")
    var rate = 100.0

    @Option(help: "How often the alerting service looks for new events, in milliseconds (the daemon's default is 200).")
    var pollMilliseconds = 200

    func validate() throws {
        guard incidents > 0, rate > 0, pollMilliseconds > 0 else {
            throw ValidationError("--incidents, --rate and --poll-milliseconds must be positive.")
        }
    }

    func run() async throws {
        var logger = Logger(label: "triage-alert-bench")
        logger.logLevel = .warning
        let clock = SystemClock()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("triage-alert-bench-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteTicketStore(path: path, clock: clock)
        try await store.migrate()
        let engine = try CurlEngine(logger: logger)
        defer { engine.shutdown() }
        let receiver = try WebhookReceiver(hook: "bench-\(UUID().uuidString.prefix(8))", engine: engine)
        let settings = NotifySettings(
            channels: [Channel(name: "ops", spec: .webhook(url: Secret(receiver.url, origin: "the benchmark"), signingKey: nil))],
            routing: NotificationRouting(routes: [NotificationRoute(channels: ["ops"], codes: [.red])])
        )
        let service = AlertingService(
            outbox: store, notifiers: NotifierRegistry(settings: settings, engine: engine, clock: clock), settings: settings,
            clock: clock, logger: logger, pollInterval: .milliseconds(pollMilliseconds)
        )
        let running = Task { try await service.run() }
        defer { running.cancel() }

        var detectedAt: [Int64: Double] = [:]
        let start = ContinuousClock.now
        for index in 0..<incidents {
            try await ContinuousClock().sleep(until: start + .seconds(Double(index) / rate))
            let now = Date()
            let finding = TicketStoreContract.finding("bench/site-\(index)/http", at: now)
            let ticket = try await store.raise(finding, plans: SupportPlans(), reopenWithin: .seconds(1800)).ticket
            detectedAt[ticket.id] = now.timeIntervalSince1970
        }
        let received = try await receiver.waitForRequests(count: incidents, timeout: .seconds(60))
        let latencies = try received.compactMap { request -> Double? in
            let payload = try request.json() as? [String: Any]
            guard let id = ((payload?["ticket"] as? [String: Any])?["id"] as? NSNumber)?.int64Value,
                let detected = detectedAt[id]
            else { return nil }
            return request.at - detected
        }.sorted()
        func percentile(_ share: Double) -> String {
            let index = min(latencies.count - 1, Int((Double(latencies.count) * share).rounded(.up)) - 1)
            return (latencies[max(index, 0)] * 1000).fixed(decimals: 1) + " ms"
        }
        print("incidents:               \(incidents) raised at \(Int(rate))/s, \(latencies.count) webhooks received")
        print("poll interval:           \(pollMilliseconds) ms")
        print("detection to webhook:    p50 \(percentile(0.5)), p90 \(percentile(0.9)), p99 \(percentile(0.99)), max \(percentile(1))")
    }
}
