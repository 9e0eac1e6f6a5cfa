import Prometheus
import Synchronization
import TriageCore

/// The series of one check, made on its first result and kept so that the hot path (every probe)
/// updates them without looking them up in the registry.
final class CheckSeries: Sendable {
    let checkID: String
    /// The labels of `up`: a reload that changes them needs new series.
    let kind: String
    let target: String
    let up: Gauge
    let duration: ValueHistogram
    private let errors = Mutex<[FailureClass: Counter]>([:])

    init(check: Check, registry: PrometheusCollectorRegistry) {
        checkID = check.id
        kind = check.spec.kindName
        target = check.targetID
        up = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                metricName: "triage_check_up", unitName: "", helpText: "1 when the check's latest result is up or degraded, 0 when down."
            ),
            labels: [("check", check.id), ("kind", check.spec.kindName), ("target", check.targetID)]
        )
        duration = registry.makeValueHistogram(
            descriptor: MetricNameDescriptor(metricName: "triage_probe_duration", unitName: "seconds", helpText: "How long each probe took."),
            labels: [("check", check.id)], buckets: TriageMetrics.durationBuckets
        )
    }

    /// The failure counter of `failure`, made on its first use.
    func errors(_ failure: FailureClass, registry: PrometheusCollectorRegistry) -> Counter {
        errors.withLock { counters in
            if let counter = counters[failure] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: "triage_probe_errors", unitName: "total", helpText: "Failed probes by failure class."),
                labels: [("check", checkID), ("class", failure.rawValue)]
            )
            counters[failure] = counter
            return counter
        }
    }

    /// Whether these series still describe `check`.
    func matches(_ check: Check) -> Bool {
        check.id == checkID && check.spec.kindName == kind && check.targetID == target
    }

    func unregister(from registry: PrometheusCollectorRegistry) {
        registry.unregisterGauge(up)
        registry.unregisterValueHistogram(duration)
        for counter in errors.withLock({ Array($0.values) }) { registry.unregisterCounter(counter) }
    }
}
