import ArgumentParser
import CurlEngine
import DNSResolver
import Foundation
import Logging
import Probes
import Scheduler
import TriageApp
import TriageCore
import TriageTesting

/// `triage-bench`: the end-to-end probe throughput of Triage (probe, detection, stored result)
/// with many configured targets, against a local web server. Prints probes per second, CPU
/// seconds per 1,000 probes and peak RSS. `scripts/bench.sh` starts nginx and runs it.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "triage-bench", abstract: "Measure end-to-end probe throughput.")

    @Option(help: "The URL every target probes (a loopback server; dns://127.0.0.1:PORT/NAME for dns); not with --write-results.")
    var url: String?

    @Option(help: "The probe kind: http, tcp, tls, content, page, dns, smtp, imap, pop3 or cache.")
    var kind: BenchKind = .http

    @Option(help: "The login of the mail kinds (smtp optional; imap and pop3 need it).")
    var username: String?

    @Option(help: "The environment variable holding the login's password (never the password itself).")
    var passwordEnv: String?

    @Option(help: "For --kind cache: the origin URL behind the cache (--url is the edge); the edge itself when omitted.")
    var origin: String?

    @Option(help: "A CA certificate to trust (tls against the test servers' throwaway CA).")
    var caFile: String?

    @Option(help: "How many targets (one HTTP check each) to configure.")
    var targets = 10_000

    @Option(help: "Each check's interval in seconds: targets / interval is the demanded probe rate.")
    var interval = 1.0

    @Option(help: "Seconds to measure, after one interval of warm-up.")
    var duration = 20.0

    @Option(help: "Probes in flight at most.")
    var concurrency = 256

    @Option(help: "The store to write to: a SQLite path or a postgres:// URL (a fresh temporary SQLite file by default).")
    var store: String?

    @Option(help: "Only store this many synthetic results in batches of 500, without probing: the store's own rate.")
    var writeResults: Int?

    func validate() throws {
        for (option, value) in [("--url", url), ("--origin", origin)] {
            guard let value else { continue }
            guard let parsed = URL(string: value), let host = parsed.host, ["127.0.0.1", "localhost", "::1"].contains(host) else {
                throw ValidationError("\(option) must point at a loopback server (127.0.0.1, localhost or [::1]); the benchmark never leaves this machine.")
            }
        }
        guard url != nil || writeResults != nil else {
            throw ValidationError("--url is required: the loopback server every target probes (or --write-results N to measure the store alone).")
        }
        guard targets > 0, interval >= 0.1, duration > 0, concurrency > 0 else {
            throw ValidationError("--targets, --duration and --concurrency must be positive, --interval at least 0.1.")
        }
        if kind.needsLogin, username == nil || passwordEnv == nil {
            throw ValidationError(
                "--kind \(kind.rawValue) logs in: give --username and --password-env NAME (the variable holding the password)."
            )
        }
        if let passwordEnv, ProcessInfo.processInfo.environment[passwordEnv] == nil {
            throw ValidationError("--password-env \(passwordEnv): that environment variable is not set.")
        }
    }

    /// The mail login from `--username` and the variable `--password-env` names.
    var login: MailLogin? {
        guard let username, let passwordEnv, let password = ProcessInfo.processInfo.environment[passwordEnv] else { return nil }
        return MailLogin(username: username, password: Secret(password, origin: "$\(passwordEnv)"))
    }

    func run() async throws {
        var logger = Logger(label: "triage-bench")
        logger.logLevel = .warning
        let clock = SystemClock()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-\(UUID().uuidString).sqlite").path
        let location = store.map(StoreLocation.parse) ?? .sqlite(path: temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let ticketStore = try await StoreFactory.open(location, clock: clock)
        if let writeResults {
            let bench = ResultWriteBench(store: ticketStore, results: writeResults, batchSize: 500, checks: targets)
            return try await bench.run(storeName: "\(location)")
        }
        let engine = try CurlEngine(logger: logger)
        defer { engine.shutdown() }
        let resolver = try DNSResolver(logger: logger)
        defer { resolver.shutdown() }
        let scheduler = ProbeScheduler(
            checks: makeChecks(), activeFindings: [], runner: ProbeRegistry(engine: engine, resolver: resolver, clock: clock),
            store: ticketStore,
            clock: clock, concurrency: concurrency, perHostConcurrency: concurrency, plans: SupportPlans(),
            reopenWithin: .seconds(1800), logger: logger
        )
        let task = Task { try await scheduler.run() }
        try await Task.sleep(for: .seconds(interval))
        let before = (probes: scheduler.probesCompleted, cpu: ProcessUsage.cpuSeconds(), time: Date())
        try await Task.sleep(for: .seconds(duration))
        let after = (probes: scheduler.probesCompleted, cpu: ProcessUsage.cpuSeconds(), time: Date())
        task.cancel()
        _ = await task.result
        let written = await scheduler.resultsWritten
        let probes = after.probes - before.probes
        let seconds = after.time.timeIntervalSince(before.time)
        let cpu = after.cpu - before.cpu
        print("probe kind:              \(kind.rawValue) (\(url ?? ""))")
        print("targets configured:      \(targets) (interval \(interval) s, demand \(Int(Double(targets) / interval)) probes/s)")
        print("probes measured:         \(probes) in \(String(format: "%.1f", seconds)) s")
        print("probes per second:       \(String(format: "%.0f", Double(probes) / seconds))")
        print("CPU ms per probe:        \(String(format: "%.3f", cpu / Double(max(probes, 1)) * 1000)) (user+system, this process; = CPU s per 1,000 probes)")
        print("peak RSS:                \(ProcessUsage.peakRSSMegabytes()) MB")
        print("results stored:          \(written) of \(scheduler.probesCompleted) probes (all flushed at shutdown)")
    }

    func makeChecks() -> [Check] {
        let spec = kind.spec(url: URL(string: url ?? "")!, caFile: caFile, login: login, origin: origin.flatMap { URL(string: $0) })
        return (0..<targets).map { index in
            Check(
                targetID: "bench/site-\(index)", customer: "bench", name: kind.rawValue, spec: spec,
                interval: .seconds(double: interval), timeout: .seconds(10), detection: .standard
            )
        }
    }
}
