import Foundation
import Prometheus
import Synchronization

/// The usual `process_*` series, read when scraped: CPU time from `getrusage`, resident memory
/// from `/proc/self/statm` (Linux; left out where it cannot be read), and the start time.
final class ProcessSeries: Sendable {
    private let cpu: Counter
    private let resident: Gauge
    /// CPU seconds already added to the counter, which only counts up.
    private let counted = Mutex<Double>(0)

    init(registry: PrometheusCollectorRegistry, startedAt: Date) {
        cpu = registry.makeCounter(
            descriptor: MetricNameDescriptor(metricName: "process_cpu", unitName: "seconds_total", helpText: "User and system CPU time spent.")
        )
        resident = registry.makeGauge(
            descriptor: MetricNameDescriptor(metricName: "process_resident_memory", unitName: "bytes", helpText: "Resident memory size.")
        )
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                metricName: "process_start_time", unitName: "seconds", helpText: "Start time of the process since the Unix epoch."
            )
        ).set(startedAt.timeIntervalSince1970)
    }

    func update() {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        let total = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        let delta = counted.withLock { counted in
            defer { counted = max(counted, total) }
            return max(0, total - counted)
        }
        cpu.increment(by: delta)
        if let pages = Self.residentPages() { resident.set(Double(pages * Int(getpagesize()))) }
    }

    /// The second field of `/proc/self/statm`: resident pages.
    private static func residentPages() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? Int(fields[1]) : nil
    }
}
