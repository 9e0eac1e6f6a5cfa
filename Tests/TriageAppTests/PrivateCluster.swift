import Foundation
import TriageTesting

/// A throwaway PostgreSQL cluster of one test's own, made like `scripts/servers/60-postgres.sh`
/// makes the shared one (initdb as the `postgres` user, trust authentication, 127.0.0.1 on a
/// kernel-picked port, fsync off), so the test may stop and start it without breaking the tests
/// that share the suite's cluster.
final class PrivateCluster {
    let folder: URL
    let port: Int
    private var server: Process?

    static let bin = "/usr/lib/postgresql/15/bin"

    /// The URL of the `postgres` database as the superuser.
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

    /// Makes the cluster (not started).
    init() throws {
        folder = URL(fileURLWithPath: "/tmp/triage-cluster-\(UUID().uuidString.prefix(8))")
        port = try freeLoopbackPort()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("socket"), withIntermediateDirectories: true)
        try Self.run("/bin/chown", ["-R", "postgres:postgres", folder.path])
        try Self.run("/usr/bin/setpriv", Self.asPostgres + ["\(Self.bin)/initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync"])
    }

    private var data: String { folder.appendingPathComponent("data").path }

    /// Starts the server and waits until it accepts queries.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = Self.asPostgres + [
            "\(Self.bin)/postgres", "-D", data, "-p", "\(port)", "-c", "listen_addresses=127.0.0.1",
            "-k", folder.appendingPathComponent("socket").path, "-c", "fsync=off", "-c", "synchronous_commit=off",
        ]
        let output = try FileHandle(forWritingTo: logFile())
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        server = process
        let deadline = Date().addingTimeInterval(30)
        while (try? Self.run("\(Self.bin)/pg_isready", ["-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres"])) == nil {
            guard Date() < deadline, process.isRunning else { throw ClusterFailed(log: log(), step: "start") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Stops the server with a fast shutdown (SIGINT: sessions are ended, what committed stays)
    /// and waits for it to exit.
    func stop() {
        guard let server, server.isRunning else { return }
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
        self.server = nil
    }

    /// Stops the server and deletes the cluster.
    func remove() {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The server's log, to show in a failure.
    func log() -> String {
        (try? String(contentsOf: folder.appendingPathComponent("postgres.log"), encoding: .utf8)) ?? ""
    }

    private func logFile() throws -> URL {
        let file = folder.appendingPathComponent("postgres.log")
        if !FileManager.default.fileExists(atPath: file.path) { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        return file
    }

    /// setpriv's arguments that run a command as `postgres`: the server refuses to run as root.
    private static let asPostgres = ["--reuid=postgres", "--regid=postgres", "--clear-groups"]

    /// Runs a command to completion; throws unless it exits with 0.
    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ClusterFailed(log: "", step: ([executable] + arguments).joined(separator: " ")) }
    }

    struct ClusterFailed: Error {
        var log: String
        var step: String
    }
}
