import CurlEngine
import Foundation
import Logging
import Testing
import TriageTesting

/// `triage users` and `triage serve` as an admin runs them: accounts from a piped password, a
/// token printed once, the API served on a free port and stopped by SIGTERM.
@Suite(.serialized)
struct UsersCommandTests {
    @Test func accountsAreAddedListedAndRefusedWithReasons() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let added = try await run(workspace, ["users", "add", "ana", "--role", "ops"], input: "a long secret\n")
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try await run(workspace, ["users", "list", "--format", "json"])
        let accounts = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(accounts.count == 1)
        #expect(accounts.first?["name"] as? String == "ana")
        #expect(accounts.first?["role"] as? String == "ops")
        #expect(accounts.first?["disabledAt"] is NSNull)
        #expect(!listed.stdout.contains("$2b$"), "no hash is shown")
        let twice = try await run(workspace, ["users", "add", "ana", "--role", "viewer"], input: "another secret\n")
        #expect(twice.status != 0 && twice.stderr.contains("exists already"), "\(twice.stderr)")
        let short = try await run(workspace, ["users", "add", "bo", "--role", "viewer"], input: "short\n")
        #expect(short.status != 0 && short.stderr.contains("at least 10 characters"), "\(short.stderr)")
        let empty = try await run(workspace, ["users", "add", "bo", "--role", "viewer"], input: "")
        #expect(empty.status != 0 && empty.stderr.contains("Pipe the password"), "\(empty.stderr)")
        let argv = try await run(workspace, ["users", "add", "bo", "--role", "viewer", "--password", "a long secret"], input: "")
        #expect(argv.status != 0, "a password is never an argument")
        let badRole = try await run(workspace, ["users", "add", "bo", "--role", "root"], input: "a long secret\n")
        #expect(badRole.status != 0 && badRole.stderr.contains("viewer"), "\(badRole.stderr)")
    }

    @Test func serveAnswersTokensUntilTheAccountIsDisabledAndStopsOnSIGTERM() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("customer: acme\nsites:\n  - name: www\n    url: http://127.0.0.1:9/\n", to: "probes/acme.yml")
        #expect(try await run(workspace, ["users", "add", "vic", "--role", "viewer"], input: "a long secret\n").status == 0)
        let token = try await run(workspace, ["users", "token", "vic"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("triage_"))
        let server = try workspace.triage.start(["serve", "--http", "127.0.0.1:0"], log: "serve.log")
        defer { if server.isRunning { server.terminate() } }
        let bound = try await workspace.listeningPort(log: "serve.log")
        let engine = try CurlEngine(logger: Logger(label: "test"))
        defer { engine.shutdown() }
        func status(_ token: String?) async throws -> Int {
            var request = CurlRequest(url: "http://127.0.0.1:\(bound)/api/v1/sites", timeout: .seconds(10))
            if let token { request.headers = [CurlHeader(name: "Authorization", value: "Bearer \(token)")] }
            return try await engine.perform(request).statusCode
        }
        #expect(try await status(token) == 200)
        #expect(try await status(nil) == 401)
        let spare = try await run(workspace, ["users", "token", "vic", "--label", "spare"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try await run(workspace, ["users", "tokens", "vic", "--format", "json"])
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
        let first = try #require(tokens.first { $0["label"] as? String == "cli" }?["id"] as? String, "\(listed.stdout)")
        #expect(!listed.stdout.contains(token) && !listed.stdout.contains(spare), "tokens are never shown again")
        let revoked = try await run(workspace, ["users", "revoke", "vic", first])
        #expect(revoked.status == 0 && revoked.stdout.contains("revoked token \(first) (cli)"), "\(revoked.stdout)\(revoked.stderr)")
        #expect(try await status(token) == 401, "a revoked token stops at once")
        #expect(try await status(spare) == 200, "the account's other token goes on")
        let again = try await run(workspace, ["users", "revoke", "vic", first])
        #expect(again.status != 0 && again.stderr.contains("triage users tokens vic"), "\(again.stderr)")
        #expect(try await run(workspace, ["users", "disable", "vic"]).status == 0)
        #expect(try await status(spare) == 401, "a disabled account's token stops at once")
        server.terminate()
        #expect(await eventually(within: 25) { () async -> Bool in !server.isRunning }, "serve stops on SIGTERM")
        #expect(server.terminationStatus == 0, "\(workspace.read("serve.log"))")
    }

    /// `run --http` serves the API, and what only a running daemon has: `/metrics` fed by its
    /// scheduler, and the reload an admin asks for, applied or refused as SIGHUP would.
    @Test func runServesTheAPIMetricsAndReloadBesideTheProbes() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("customer: acme\nsites:\n  - name: www\n    url: http://127.0.0.1:9/\n", to: "probes/acme.yml")
        var tokens: [String: String] = [:]
        for (name, role) in [("max", "manager"), ("vic", "viewer"), ("ada", "admin")] {
            #expect(try await run(workspace, ["users", "add", name, "--role", role], input: "a long secret\n").status == 0)
            tokens[name] = try await run(workspace, ["users", "token", name]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let daemon = try workspace.triage.start(["run", "--http", "127.0.0.1:0"], log: "run.log")
        defer { if daemon.isRunning { daemon.terminate() } }
        let bound = try await workspace.listeningPort(log: "run.log")
        let engine = try CurlEngine(logger: Logger(label: "test"))
        defer { engine.shutdown() }
        func call(_ method: String, _ path: String, as name: String?) async throws -> (status: Int, body: String) {
            var request = CurlRequest(url: "http://127.0.0.1:\(bound)\(path)", timeout: .seconds(20))
            if method == "POST" {
                request.customRequest = "POST"
                request.body = []
            }
            if let name { request.headers = [CurlHeader(name: "Authorization", value: "Bearer \(tokens[name]!)")] }
            let answer = try await engine.perform(request)
            return (answer.statusCode, String(decoding: answer.body, as: UTF8.self))
        }
        let tickets = try await call("GET", "/api/v1/tickets", as: "max")
        #expect(tickets.status == 200, "\(tickets.body)")

        // The scheduler's first probe of the refused port shows as down.
        var metrics = (status: 0, body: "")
        #expect(try await eventually(within: 30) {
            metrics = try await call("GET", "/metrics", as: "vic")
            return metrics.body.contains("triage_check_up{")
        }, "\(metrics.body)")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("check=\"acme/www/http\"") && metrics.body.contains("triage_probe_duration_seconds_bucket"))
        #expect(try await call("GET", "/metrics", as: nil).status == 401)

        #expect(try await call("POST", "/api/v1/config/reload", as: "max").status == 403, "only an admin reloads")
        try workspace.write(
            "customer: acme\nsites:\n  - name: www\n    url: http://127.0.0.1:9/\n  - name: shop\n    url: http://127.0.0.1:9/shop\n",
            to: "probes/acme.yml"
        )
        let applied = try await call("POST", "/api/v1/config/reload", as: "ada")
        #expect(applied.status == 200 && applied.body.contains("1 added"), "\(applied.body)")
        try workspace.write("customer: acme\nsites:\n  - name: www\n    urll: http://127.0.0.1:9/\n", to: "probes/acme.yml")
        let rejected = try await call("POST", "/api/v1/config/reload", as: "ada")
        #expect(rejected.status == 422 && rejected.body.contains("probes/acme.yml:4"), "\(rejected.body)")
        #expect(workspace.read("run.log").contains("config.reload.by=ada"))

        daemon.terminate()
        #expect(await eventually(within: 25) { () async -> Bool in !daemon.isRunning }, "run --http stops on SIGTERM")
        #expect(daemon.terminationStatus == 0, "\(workspace.read("run.log"))")
    }

    /// `triage ARGS` run to its end on a thread of its own: waiting for a process must not hold one
    /// of the few threads every concurrent test shares (their timings would suffer).
    private func run(_ workspace: Workspace, _ arguments: [String], input: String? = nil) async throws -> TriageProcess.Output {
        try await offPool { [triage = workspace.triage] in try triage.run(arguments, input: input) }
    }
}
