import Foundation
import Hummingbird
import NIOCore
import TicketStore
import TriageApp
import TriageCore

/// An RFC 9457 problem document (`application/problem+json`): every error the API answers has
/// this shape, so a client reads `status`, `title` and `detail` the same way whatever failed.
/// `type` names the kind of problem (`about:blank` when the status says it all); `field` names the
/// body field or query parameter at fault on a 400.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var type: String
    public var detail: String
    public var field: String?

    public init(_ status: HTTPResponse.Status, type: String = "about:blank", detail: String, field: String? = nil) {
        self.status = status
        self.type = type
        self.detail = detail
        self.field = field
    }

    public var title: String { status.reasonPhrase }

    static let mediaType = "application/problem+json"

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: Self.mediaType]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"triage\"" }
        let body = try JSONRenderer<ProblemJSON>().render(ProblemJSON(self))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// No credentials, or credentials that name no enabled account.
    static let unauthorized = Problem(
        .unauthorized,
        detail: "send Authorization: Bearer <token> with a token of an enabled account (`triage users token NAME` issues one)"
    )

    /// The account's role is below what the route needs.
    static func forbidden(_ account: Account, needs role: AccountRole) -> Problem {
        Problem(
            .forbidden, type: "urn:triage:problem:role",
            detail: "account \(account.name) is \(account.role.rawValue); this needs \(role.rawValue) or above (an admin can change roles)"
        )
    }
}

/// The members of a problem document, in the RFC's order.
struct ProblemJSON: Encodable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var field: String?

    init(_ problem: Problem) {
        type = problem.type
        title = problem.title
        status = problem.status.code
        detail = problem.detail
        field = problem.field
    }

    enum CodingKeys: String, CodingKey { case type, title, status, detail, field }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(field, forKey: .field)
    }
}
