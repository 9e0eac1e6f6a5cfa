import Alerting
import Foundation
import Logging
import Notifiers
import Synchronization
import Testing
import TriageCore
import TriageTesting

/// Delivery attempts as an observer saw them, by channel.
final class RecordingObserver: DeliveryObserver {
    private let attempts = Mutex<[String: (delivered: Int, failed: Int)]>([:])

    func attempted(channel: String, delivered: Bool) {
        attempts.withLock { attempts in
            var counts = attempts[channel, default: (0, 0)]
            if delivered { counts.delivered += 1 } else { counts.failed += 1 }
            attempts[channel] = counts
        }
    }

    func counts(_ channel: String) -> (delivered: Int, failed: Int) { attempts.withLock { $0[channel, default: (0, 0)] } }
}

/// The alerting loop's observer (metrics) and its settings replaced while it runs (a reload).
extension AlertingServiceTests {
    func service(_ settings: NotifySettings, observer: RecordingObserver? = nil) -> AlertingService {
        AlertingService(
            outbox: store, notifiers: registry(settings), settings: settings, clock: SystemClock(), logger: Logger(label: "test"),
            observer: observer, pollInterval: .milliseconds(50), lease: .seconds(3)
        )
    }

    func registry(_ settings: NotifySettings) -> NotifierRegistry {
        NotifierRegistry(settings: settings, engine: engine, clock: SystemClock(), timeout: .seconds(2))
    }

    @Test func theObserverHearsOfEveryAttemptByChannelAndOutcome() async throws {
        let dead = try receiver("dead")
        let live = try receiver("live")
        try await dead.setDown(true)
        let observer = RecordingObserver()
        let running = Task { try await service(settings([("dead", dead), ("live", live)]), observer: observer).run() }
        defer { running.cancel() }
        _ = try await raise()
        _ = try await live.waitForRequests(count: 1)
        _ = try await dead.waitForRequests(count: 2)
        running.cancel()
        _ = await running.result
        #expect(observer.counts("live").delivered == 1)
        #expect(observer.counts("live").failed == 0)
        #expect(observer.counts("dead").delivered == 0)
        #expect(observer.counts("dead").failed >= 1, "a refused attempt is counted as failed")
    }

    @Test func appliedSettingsRouteTheNextEventsToTheNewChannels() async throws {
        let before = try receiver("before")
        let after = try receiver("after")
        let alerting = service(settings([("ops", before)]))
        let running = Task { try await alerting.run() }
        defer { running.cancel() }
        _ = try await raise("acme/a/http")
        _ = try await before.waitForRequests(count: 1)

        let replaced = settings([("ops", after)])
        alerting.apply(replaced, notifiers: registry(replaced))
        _ = try await raise("acme/b/http")
        let arrived = try await after.waitForRequests(count: 1)
        #expect(arrived.count == 1)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await before.requests().count == 1, "the old channel hears nothing after the reload")
    }
}
