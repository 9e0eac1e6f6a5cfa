import Foundation
import Testing
import TriageServer
import Yams

/// The OpenAPI document describes every registered route, with its method and least role (or, for
/// the inbound routes, the inbound token).
@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func describesEveryRoute() async throws {
        let api = try await APIHarness()
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data()) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let routes = APIRoutes(desk: api.desk, configuration: api.configuration).router().1
        for route in routes {
            let operation = paths[route.fullPath]?[route.method.rawValue.lowercased()] as? [String: Any]
            #expect(operation != nil, "\(route.method) \(route.fullPath) is described")
            #expect(operation?["x-triage-role"] as? String == route.role.rawValue, "\(route.fullPath)'s role")
        }
        // What `triage serve` lacks and `triage run --http` adds is marked as the daemon's own
        // (`/metrics`, the reload); `UsersCommandTests` calls both on a running daemon.
        let operations = paths.flatMap { path, methods in
            methods.compactMap { method, operation in (operation as? [String: Any]).map { (path + " " + method, $0) } }
        }
        let daemonOnly = Set(operations.filter { $0.1["x-triage-daemon"] as? Bool == true }.map(\.0))
        #expect(daemonOnly == ["/metrics get", "/api/v1/config/reload post"])
        // The inbound routes take the inbound token instead of an account's role.
        let inbound = Set(operations.filter { $0.1["x-triage-inbound"] as? Bool == true }.map(\.0))
        let inboundServed = Set(APIRoutes.inboundPaths.map { $0 + " post" })
        #expect(inbound == inboundServed)
        for (name, operation) in operations where inbound.contains(name) {
            #expect(operation["x-triage-role"] == nil, "\(name) needs no account")
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(Set(["400", "401", "413"]).isSubset(of: responses.keys), "\(name)'s refusals")
            #expect(responses["200"] != nil || responses["202"] != nil, "\(name)'s acceptance")
        }
        let served = Set(routes.map { $0.fullPath + " " + $0.method.rawValue.lowercased() }).union(inboundServed)
        #expect(Set(operations.map(\.0)).subtracting(served) == daemonOnly, "the document describes no route that does not exist")
    }

    /// `/openapi.yaml`, where OpenAPI tools look first, is the same document, read by a YAML parser.
    @Test func servedAsYAMLToo() async throws {
        let api = try await APIHarness()
        try await api.whileServing { base in
            #expect(try await api.send("GET", base + "/openapi.yaml", token: nil).status == 401, "anonymous")
            let yaml = try await api.send("GET", base + "/openapi.yaml", as: .viewer)
            #expect(yaml.status == 200)
            #expect(yaml.header("Content-Type") == "application/yaml")
            let parsed = try #require(try Yams.load(yaml: yaml.text) as? [String: Any])
            #expect(parsed["openapi"] as? String == "3.1.0")
            let json = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data()) as? [String: Any])
            let yamlPaths = try #require(parsed["paths"] as? [String: Any]), jsonPaths = try #require(json["paths"] as? [String: Any])
            #expect(Set(yamlPaths.keys) == Set(jsonPaths.keys))
        }
    }
}
