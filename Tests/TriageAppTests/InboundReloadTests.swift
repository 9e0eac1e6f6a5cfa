import CurlEngine
import Foundation
import Logging
import Testing
import TriageTesting

/// `triage run --http` with `inbound:`: other tools' alerts are taken on the API server and on the
/// `inbound:` listener alike, and a reload that changes `inbound.token` reaches both at once,
/// without a restart.
@Suite(.serialized)
struct InboundReloadTests {
    static let alert = #"{"version": "4", "alerts": [{"status": "firing", "fingerprint": "f7", "labels": {"alertname": "DiskFull", "customer": "acme"}}]}"#

    @Test func aReloadChangingTheInboundTokenReachesTheAPIServerAndTheListener() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let shipped = workspace.read("config/triage.yml")
        let listen = try freeLoopbackPort()
        func configure(token: String) throws {
            try workspace.write(shipped + "\ninbound: {listen: \"127.0.0.1:\(listen)\", token: \(token)}\n", to: "config/triage.yml")
        }
        let (first, second) = ("first-inbound-token-0123456789", "second-inbound-token-0123456789")
        try configure(token: first)
        try workspace.write("customer: acme\nsites: []\n", to: "probes/acme.yml")
        let added = try await offPool { [triage = workspace.triage] in try triage.run(["users", "add", "ada", "--role", "admin"], input: "a long secret\n") }
        #expect(added.status == 0, "\(added.stderr)")
        let admin = try await offPool { [triage = workspace.triage] in try triage.run(["users", "token", "ada"]) }.stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let daemon = try workspace.triage.start(["run", "--http", "127.0.0.1:0"], log: "run.log")
        defer { if daemon.isRunning { daemon.terminate() } }
        let api = try await workspace.listeningPort(log: "run.log")
        let engine = try CurlEngine(logger: Logger(label: "test"))
        defer { engine.shutdown() }
        func post(_ port: Int, _ path: String, bearer: String, body: String = Self.alert) async throws -> (status: Int, body: String) {
            var request = CurlRequest(url: "http://127.0.0.1:\(port)\(path)", timeout: .seconds(20))
            request.method = "POST"
            request.body = Array(body.utf8)
            request.headers = [CurlHeader(name: "Authorization", value: "Bearer \(bearer)")]
            let answer = try await engine.perform(request)
            return (answer.statusCode, String(decoding: answer.body, as: UTF8.self))
        }
        var status = 0
        #expect(try await eventually(within: 30) {
            status = try await post(listen, "/inbound/alertmanager", bearer: first).status
            return status == 200
        }, "the inbound: listener answered \(status): \(workspace.read("run.log"))")
        #expect(try await post(api, "/inbound/alertmanager", bearer: first).status == 200, "the API server takes them too")

        try configure(token: second)
        let reloaded = try await post(api, "/api/v1/config/reload", bearer: admin, body: "")
        #expect(reloaded.status == 200 && !reloaded.body.contains("needs a restart"), "\(reloaded.body)")
        for port in [api, listen] {
            #expect(try await post(port, "/inbound/alertmanager", bearer: first).status == 401, "the old token stops at once (port \(port))")
            #expect(try await post(port, "/inbound/alertmanager", bearer: second).status == 200, "the new one works (port \(port))")
        }
        daemon.terminate()
        #expect(await eventually(within: 25) { () async -> Bool in !daemon.isRunning }, "run --http stops on SIGTERM")
    }
}
