import Alerting
import Prometheus
import Scheduler
import TriageCore

extension TriageMetrics: ProbeObserver {
    public func probed(_ check: Check, result: ProbeResult) {
        let series = checks.withLock { series in
            if let existing = series[check.id] { return existing }
            let made = CheckSeries(check: check, registry: registry)
            series[check.id] = made
            return made
        }
        series.up.set(result.outcome == .down ? 0.0 : 1.0)
        series.duration.record(result.timings.total)
        if result.outcome == .down {
            series.errors(result.failure ?? .internalError, registry: registry).increment()
        }
    }
}

extension TriageMetrics: DeliveryObserver {
    public func attempted(channel: String, delivered: Bool) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "triage_notification_deliveries", unitName: "total",
                helpText: "Notification delivery attempts by channel and outcome (delivered or failed, to be retried)."
            ),
            labels: [("channel", channel), ("outcome", delivered ? "delivered" : "failed")]
        ).increment()
    }
}
