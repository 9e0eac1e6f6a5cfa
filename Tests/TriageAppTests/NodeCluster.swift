import Foundation
import TicketStore
import TriageApp
import TriageCore
import TriageTesting

/// Several `triage run --node` processes on one scratch PostgreSQL database, probing checks of
/// the test nginx, each check on a URL of its own: what the several-nodes tests start and read.
final class NodeCluster {
    /// Probes of one check are this far apart; leases last `lease` (both short, for tests).
    static let interval = 2.0
    static let lease = 3.0
    static let checkCount = 30

    let workspace: Workspace
    let database: ScratchDatabase
    private(set) var processes: [String: Process] = [:]
    private var store: (any SharedStore)?

    /// - Parameter probes: the probe file for the test nginx's URL; nil gives `checkCount` checks of `/ok`.
    init(probes custom: ((_ nginx: String) -> String)? = nil) throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        database = try ScratchDatabase()
        workspace = try Workspace()
        let settings = workspace.read("config/triage.yml")
        try workspace.write(settings.replacingOccurrences(of: "  lease: 30s", with: "  lease: \(Int(Self.lease))s"), to: "config/triage.yml")
        var probes = "customer: acme\ndefaults:\n  interval: \(Int(Self.interval))s\nsites:\n"
        for index in 0..<Self.checkCount {
            probes += "  - name: s\(index)\n    url: \(nginx)/ok?check=\(index)\n"
        }
        try workspace.write(custom?(nginx) ?? probes, to: "probes/acme.yml")
    }

    var checkIDs: [String] { (0..<Self.checkCount).map { "acme/s\($0)/http" } }

    /// Starts `triage run --node NAME --location LOCATION` (`loc-NAME` by default), logging to `NAME.log`.
    func start(_ name: String, location: String? = nil) throws {
        processes[name] = try workspace.triage.start(
            ["run", "--store", database.url, "--node", name, "--location", location ?? "loc-\(name)"], log: "\(name).log"
        )
    }

    /// Sends `signal` to a node and waits (off the cooperative pool) for it to exit; returns its exit status.
    @discardableResult
    func stop(_ name: String, signal: Int32) async throws -> Int32 {
        guard let process = processes.removeValue(forKey: name) else { return -1 }
        kill(process.processIdentifier, signal)
        let pid = process.processIdentifier
        return try await offPool {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -(status & 0x7f)
        }
    }

    /// `triage nodes --format json`, as an operator reads it: name → (state, checks held).
    func nodes() async throws -> [String: NodeRow] {
        let (triage, url) = (workspace.triage, database.url)
        let output = try await offPool { try triage.run(["nodes", "--store", url, "--format", "json"]) }
        guard output.status == 0 else { return [:] }
        let rows = try JSONDecoder().decode([NodeRow].self, from: Data(output.stdout.utf8))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0) })
    }

    /// The live nodes and how many checks each holds, as `triage nodes` shows them.
    func holdings() async throws -> [String: Int] {
        try await nodes().filter { $0.value.state == "live" }.mapValues(\.checks)
    }

    /// The same read straight from the lease tables with psql: the light way to poll while
    /// other suites run beside this one (a debug `triage` start costs far more).
    func leaseTableHoldings() async throws -> [String: Int] {
        let now = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
        let rows = try await database.query(
            """
            SELECT n.name, count(l.check_id) FROM triage_nodes n
            LEFT JOIN check_leases l ON l.node = n.name AND l.expires_at > \(now)
            WHERE n.expires_at > \(now) AND n.stopped_at IS NULL GROUP BY n.name
            """
        )
        return Dictionary(uniqueKeysWithValues: rows.map { row in
            let cells = row.split(separator: "|")
            return (String(cells[0]), Int(cells[1]) ?? -1)
        })
    }

    /// Polls the lease tables until the live nodes hold `expected`, then returns what `triage
    /// nodes` shows (within 5 s more, for its own round trip).
    func waitForHoldings(_ expected: [String: Int], seconds: Double) async throws -> [String: Int] {
        _ = try await pollAsync(seconds: seconds) { (try? await leaseTableHoldings()) == expected }
        var shown: [String: Int] = [:]
        _ = try await pollAsync(seconds: 5) {
            shown = (try? await holdings()) ?? [:]
            return shown == expected
        }
        return shown
    }

    /// The checks `node` holds, from the lease table.
    func checks(heldBy node: String) async throws -> Set<String> {
        Set(try await database.query("SELECT check_id FROM check_leases WHERE node = '\(node)'"))
    }

    /// When each check was probed in `[from, to)`, from the stored results.
    func probes(from: Date, to: Date = .distantFuture) async throws -> [String: [Date]] {
        let store = try await openStore()
        var probes: [String: [Date]] = [:]
        for id in checkIDs {
            probes[id] = try await store.results(checkID: id, from: from, to: to).map(\.startedAt)
        }
        return probes
    }

    /// One store for every read of the test, opened on first use.
    func openStore() async throws -> any SharedStore {
        if let store { return store }
        let opened = try await StoreFactory.open(.postgres(url: database.url), clock: SystemClock())
        store = opened
        return opened
    }

    /// Every node's log, to show in a failure.
    var logs: String {
        ["n1", "n2", "n3"].map { "--- \($0):\n" + workspace.read("\($0).log").suffix(3000) }.joined(separator: "\n")
    }

    func tearDown() {
        for process in processes.values {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        store = nil
        database.drop()
        workspace.remove()
    }

    struct NodeRow: Decodable {
        var name: String
        var location: String
        var state: String
        var checks: Int
    }
}
