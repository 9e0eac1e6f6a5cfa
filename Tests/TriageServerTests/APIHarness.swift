import CurlEngine
import Foundation
import Logging
import SQLiteStore
import Testing
import TicketStore
import TriageApp
import TriageConfig
import TriageCore
import TriageServer
import TriageTesting

/// The API over real HTTP on an ephemeral port of 127.0.0.1, on a real SQLite store in a
/// temporary folder, with the repository's config/triage.yml and one probe file; one account and
/// token per role (bcrypt at cost 4, passed explicitly, to keep the tests fast).
struct APIHarness {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder: TemporaryFolder
    let store: SQLiteTicketStore
    let clock: TestClock
    let desk: Desk
    let configuration: Configuration
    let accounts: AccountDesk
    let engine: CurlEngine
    var tokens: [AccountRole: String] = [:]

    /// The probe file of most tests: one site, `acme/www`, with its HTTP check.
    static let oneSite = """
        customer: acme
        sites:
          - name: www
            url: http://127.0.0.1:9/
        """

    /// The inbound token of harnesses made with `inbound: true`.
    static let inboundToken = "api-inbound-token-0123456789"

    /// - Parameters:
    ///   - probeFiles: the files of `probes/` by name (`acme.yml`), ``oneSite`` by default;
    ///   - settings: the text of `config/triage.yml` to use instead of the repository's;
    ///   - inbound: whether the configuration has `inbound:` with ``inboundToken`` (the shipped file has none).
    init(probeFiles: [String: String] = ["acme.yml": oneSite], settings: String? = nil, inbound: Bool = false) async throws {
        folder = try TemporaryFolder()
        let probes = folder.url.appendingPathComponent("probes")
        try FileManager.default.createDirectory(at: probes, withIntermediateDirectories: true)
        for (name, text) in probeFiles {
            try text.write(to: probes.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var configPath = Self.repository.appendingPathComponent("config/triage.yml").path
        if let settings {
            configPath = folder.url.appendingPathComponent("triage.yml").path
            try settings.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        var configuration = try Configuration.load(configPath: configPath, probesDirectory: probes.path)
        if inbound {
            configuration.settings.inbound = InboundSettings(host: "127.0.0.1", port: 9, token: Secret(Self.inboundToken, origin: "the test"))
        }
        self.configuration = configuration
        clock = TestClock()
        store = try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock)
        try await store.migrate()
        desk = Desk(store: store, catalogue: configuration.settings.catalogue, plans: configuration.probes.plans, clock: clock)
        accounts = AccountDesk(store: store, clock: clock, cost: 4)
        engine = try CurlEngine(logger: Logger(label: "test"))
        for role in AccountRole.allCases {
            try await accounts.add(name: "\(role.rawValue)-user", role: role, password: "correct horse \(role)")
            tokens[role] = try await accounts.issueToken(for: "\(role.rawValue)-user", label: "test").value
        }
    }

    /// Runs the API on a free port while `body` runs with its base URL (`http://127.0.0.1:PORT`),
    /// over the harness's store or, when given, over `other` (such as a store an archive was imported into).
    func whileServing(over other: (any SharedStore)? = nil, _ body: (String) async throws -> Void) async throws {
        let port = AsyncStream<Int>.makeStream()
        let served = other.map { Desk(store: $0, catalogue: configuration.settings.catalogue, plans: configuration.probes.plans, clock: clock) }
        let server = APIServer(
            routes: APIRoutes(desk: served ?? desk, configuration: configuration), address: HTTPAddress(host: "127.0.0.1", port: 0),
            logger: Logger(label: "test")
        ) { port.continuation.yield($0) }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        var ports = port.stream.makeAsyncIterator()
        let bound = try #require(await ports.next())
        try await body("http://127.0.0.1:\(bound)")
    }

    struct Answer {
        var status: Int
        var headers: [CurlHeader]
        var text: String

        func header(_ name: String) -> String? {
            headers.last { $0.name.lowercased() == name.lowercased() }?.value
        }

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
    }

    /// One request; `token` nil sends no credentials.
    func send(_ method: String, _ url: String, token: String?, body: String? = nil) async throws -> Answer {
        var request = CurlRequest(url: url, timeout: .seconds(20))
        request.method = method
        request.followRedirects = false
        if let body {
            request.body = Array(body.utf8)
            request.headers.append(CurlHeader(name: "Content-Type", value: "application/json"))
        }
        if let token { request.headers.append(CurlHeader(name: "Authorization", value: "Bearer \(token)")) }
        let response = try await engine.perform(request)
        if let error = response.error { throw error }
        return Answer(status: response.statusCode, headers: response.headers, text: String(decoding: response.body, as: UTF8.self))
    }

    func send(_ method: String, _ url: String, as role: AccountRole, body: String? = nil) async throws -> Answer {
        try await send(method, url, token: tokens[role], body: body)
    }

    /// Files a ticket through the desk (not the API), for tests that read or act on one.
    func file(summary: String = "site down", customer: String = "acme", code: TriageCode = .red, target: String? = "acme/www") async throws -> Ticket {
        try await desk.open(caseID: nil, code: code, customer: customer, target: target, summary: summary, by: "seed")
    }
}
