import Foundation
import Testing
import TriageServer

/// The OpenAPI document describes every registered route, with its method and least role.
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
        let described = paths.values.reduce(0) { $0 + $1.count }
        #expect(described == routes.count, "the document describes no route that does not exist")
    }
}
