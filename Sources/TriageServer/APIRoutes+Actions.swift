import Foundation
import Hummingbird
import TicketStore
import TriageCore

/// The desk actions, `POST tickets/{id}/ACTION` for ops: each body is the CLI command's options
/// as JSON, the author is the token's account, and the answer is the changed ticket with its trail.
/// A refusal (wrong state, WHITE only, fee out of range) is a 409 with the desk's sentence.
extension APIRoutes {
    func addActionRoutes(_ registry: RouteRegistry) {
        action(registry, "take") { request in
            let body = try await JSONBody.decodeIfPresent(TakeBody.self, from: request) ?? TakeBody()
            return .take(overrideReason: body.overrideReason)
        }
        action(registry, "comment") { .comment(try await JSONBody.decode(CommentBody.self, from: $0).text) }
        action(registry, "recode") { request in
            let body = try await JSONBody.decode(RecodeBody.self, from: request)
            return .recode(body.code, reason: body.reason)
        }
        action(registry, "resolve") { request in
            let body = try await JSONBody.decode(ResolveBody.self, from: request)
            return .resolve(cause: body.cause, note: body.note, fee: try Self.money(body.fee, "fee"), surcharge: try Self.money(body.surcharge, "surcharge"))
        }
        action(registry, "refuse") { .refuse(reason: try await JSONBody.decode(RefuseBody.self, from: $0).reason) }
        action(registry, "refer") { request in
            let body = try await JSONBody.decode(ReferBody.self, from: request)
            return .refer(to: body.to, note: body.note ?? "")
        }
    }

    private func action(_ registry: RouteRegistry, _ name: String, _ parse: @escaping @Sendable (Request) async throws -> TicketAction) {
        registry.on(.post, "tickets/{id}/\(name)", role: .ops) { request, context, account in
            let id = try Self.ticketID(context)
            let ticket = try await desk.apply(try await parse(request), to: id, by: account.name)
            return try await ticketResponse(ticket)
        }
    }

    static func money(_ text: String?, _ field: String) throws -> Money? {
        guard let text else { return nil }
        guard let money = Money.parse(text) else {
            throw Problem(
                .badRequest, type: "urn:triage:problem:body",
                detail: "\(field) \"\(text)\" is not an amount: write EUR as a decimal string with at most two digits after the point, such as \"40.50\"",
                field: field
            )
        }
        return money
    }
}

struct TakeBody: Decodable {
    /// Takes a GREEN or WHITE ticket before its window, saying why.
    var overrideReason: String?
}

struct CommentBody: Decodable { var text: String }

struct RecodeBody: Decodable {
    var code: TriageCode
    var reason: String
}

struct ResolveBody: Decodable {
    var cause: Cause
    var note: String
    /// EUR as a decimal string where the case leaves the fee to choose.
    var fee: String?
    var surcharge: String?
}

struct RefuseBody: Decodable { var reason: String }

struct ReferBody: Decodable {
    var to: String
    var note: String?
}
