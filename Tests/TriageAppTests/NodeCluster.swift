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

    init() throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        database = try ScratchDatabase()
        workspace = try Workspace()
        let settings = workspace.read("config/triage.yml")
        try workspace.write(settings.replacingOccurrences(of: "  lease: 30s", with: "  lease: \(Int(Self.lease))s"), to: "config/triage.yml")
        var probes = "customer: acme\ndefaults:\n  interval: \(Int(Self.interval))s\nsites:\n"
        for index in 0..<Self.checkCount {
            probes += "  - name: s\(index)\n    url: \(nginx)/ok?check=\(index)\n"
        }
        try workspace.write(probes, to: "probes/acme.yml")
    }

    var checkIDs: [String] { (0..<Self.checkCount).map { "acme/s\($0)/http" } }

    /// Starts `triage run --node NAME --location loc-NAME`, logging to `NAME.log`.
    func start(_ name: String) throws {
        processes[name] = try workspace.triage.start(
            ["run", "--store", database.url, "--node", name, "--location", "loc-\(name)"], log: "\(name).log"
        )
    }

    /// Sends `signal` to a node and waits for it to exit; returns its exit status.
    @discardableResult
    func stop(_ name: String, signal: Int32) -> Int32 {
        guard let process = processes.removeValue(forKey: name) else { return -1 }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// `triage nodes --format json`, as an operator reads it: name → (state, checks held).
    func nodes() throws -> [String: NodeRow] {
        let output = try workspace.triage.run(["nodes", "--store", database.url, "--format", "json"])
        guard output.status == 0 else { return [:] }
        let rows = try JSONDecoder().decode([NodeRow].self, from: Data(output.stdout.utf8))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0) })
    }

    /// The live nodes and how many checks each holds.
    func holdings() throws -> [String: Int] {
        try nodes().filter { $0.value.state == "live" }.mapValues(\.checks)
    }

    /// The checks `node` holds, from the lease table.
    func checks(heldBy node: String) throws -> Set<String> {
        Set(try database.query("SELECT check_id FROM check_leases WHERE node = '\(node)'"))
    }

    /// When each check was probed in `[from, to)`, from the stored results.
    func probes(from: Date, to: Date = .distantFuture) async throws -> [String: [Date]] {
        let store = try await StoreFactory.open(.postgres(url: database.url), clock: SystemClock())
        var probes: [String: [Date]] = [:]
        for id in checkIDs {
            probes[id] = try await store.results(checkID: id, from: from, to: to).map(\.startedAt)
        }
        return probes
    }

    /// Every node's log, to show in a failure.
    var logs: String {
        ["n1", "n2", "n3"].map { "--- \($0):\n" + workspace.read("\($0).log").suffix(3000) }.joined(separator: "\n")
    }

    func tearDown() {
        for name in Array(processes.keys) { stop(name, signal: SIGKILL) }
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
