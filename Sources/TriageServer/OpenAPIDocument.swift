import Foundation
import Hummingbird
import NIOCore

/// The OpenAPI 3.1 description of the API, written by hand in `openapi.json` (a resource of this
/// target) and served as it is; a test checks that it names every registered route.
public enum OpenAPIDocument {
    /// The document's bytes. - Throws: `Problem` 500 when the resource is missing from the build.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw Problem(.internalServerError, detail: "openapi.json is missing from this build")
        }
        return try Data(contentsOf: url)
    }

    /// The document as `contentType`: `/openapi.yaml` serves the same bytes as YAML, which they
    /// are (YAML 1.2 reads every JSON document), so the two can never disagree.
    static func response(contentType: String = "application/json") throws -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try data()))
        )
    }
}
