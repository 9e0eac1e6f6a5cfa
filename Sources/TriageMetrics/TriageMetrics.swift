import Foundation
import Prometheus
import Synchronization
import TicketStore
import TriageCore

/// Triage's Prometheus metrics, in one registry owned by the daemon (no global singleton): the
/// scheduler and the alerting loop report into it through their observer protocols, and the
/// ticket gauges are read from the store at scrape time, so they are right whichever process or
/// node changed a ticket.
///
/// Series (Prometheus text format 0.0.4):
/// - `triage_check_up{check,kind,target}`: 1 when the latest result is up or degraded, 0 when down.
/// - `triage_probe_duration_seconds{check}`: histogram of probe durations (``durationBuckets``).
/// - `triage_probe_errors_total{check,class}`: failed probes by `FailureClass`.
/// - `triage_notification_deliveries_total{channel,outcome}`: delivery attempts, `delivered` or `failed`.
/// - `triage_open_tickets{code}`, `triage_tickets_past_deadline{code}`: read from the store per scrape.
/// - `process_cpu_seconds_total`, `process_resident_memory_bytes`, `process_start_time_seconds`.
///
/// ```swift
/// let metrics = TriageMetrics(store: store, clock: clock)
/// let scheduler = ProbeScheduler(..., observer: metrics, ...)
/// router.get("/metrics") { _, _ in try await metrics.exposition() }  // Content-Type: TriageMetrics.contentType
/// ```
public final class TriageMetrics: Sendable {
    /// The `Content-Type` of ``exposition()``.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Upper bounds of the probe duration buckets, in seconds: fine below a second where web
    /// checks live, then up to the slow-load threshold (10 s) and the longest timeouts.
    public static let durationBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

    let registry = PrometheusCollectorRegistry()
    let store: any TicketStore
    let clock: any TriageClock
    let checks = Mutex<[String: CheckSeries]>([:])
    let process: ProcessSeries

    public init(store: any TicketStore, clock: any TriageClock) {
        self.store = store
        self.clock = clock
        process = ProcessSeries(registry: registry, startedAt: clock.now)
    }

    /// Every series in the Prometheus text format, the ticket gauges read from the store now.
    ///
    /// - Throws: the store's error when it cannot be read (the route should answer 503 then).
    public func exposition() async throws -> String {
        let active = try await store.tickets(TicketFilter(statuses: [.open, .taken], limit: 1_000_000))
        let counts = TicketCounts(active: active, at: clock.now)
        for code in TriageCode.allCases {
            gauge("triage_open_tickets", help: "Tickets open or taken, not yet resolved, by code.", code: code)
                .set(Double(counts.open[code, default: 0]))
            gauge(
                "triage_tickets_past_deadline", help: "Tickets still untaken whose take-in-charge deadline has passed, by code.",
                code: code
            ).set(Double(counts.pastDeadline[code, default: 0]))
        }
        process.update()
        return registry.emitToString()
    }

    /// Drops the series of checks no longer configured, or whose kind or target changed (after a
    /// reload), so a removed check does not stay "up" or "down" for ever on the dashboards.
    public func retain(checks configured: [Check]) {
        let byID = Dictionary(configured.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let removed = checks.withLock { series in
            let gone = series.filter { id, kept in byID[id].map { !kept.matches($0) } ?? true }
            for id in gone.keys { series[id] = nil }
            return Array(gone.values)
        }
        for series in removed { series.unregister(from: registry) }
    }

    private func gauge(_ name: String, help: String, code: TriageCode) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: [("code", code.rawValue)])
    }
}
