import Foundation
import Hummingbird
import TriageCore

/// `GET /tickets/{id}` (managers and above, as the API's `GET tickets/{id}`) and its forms
/// `POST /tickets/{id}/take` and `/resolve` (ops), which apply the same desk actions as the API
/// with the signed-in account as author, then redirect back to the ticket (post, redirect, get:
/// reloading the page never sends the form twice).
extension DashboardRoutes {
    func addTicketPages(_ router: Router<APIContext>) {
        page(router, .get, "/tickets/{id}", role: .manager) { _, context, visitor in
            let id = try APIRoutes.ticketID(context)
            guard let ticket = try await api.store.ticket(id: id) else { throw TicketActionError.unknownTicket(id) }
            let page = TicketPage(ticket, events: try await api.store.events(ticketID: id), visitor: visitor, now: api.clock.now)
            return try DashboardTemplates.response("ticket", page)
        }
        action(router, "take") { _ in .take(overrideReason: nil) }
        action(router, "resolve") { fields in
            guard let cause = fields["cause"].flatMap(Cause.init(rawValue:)) else {
                throw Problem(.badRequest, detail: "choose the cause: provider, customer or third-party", field: "cause")
            }
            let note = (fields["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else { throw Problem(.badRequest, detail: "say in the note what was done", field: "note") }
            let fee = fields["fee"].flatMap { $0.isEmpty ? nil : $0 }
            return .resolve(cause: cause, note: note, fee: try APIRoutes.money(fee, "fee"), surcharge: nil)
        }
    }

    private func action(_ router: Router<APIContext>, _ name: String, _ parse: @escaping @Sendable ([String: String]) throws -> TicketAction) {
        form(router, "/tickets/{id}/\(name)", role: .ops) { fields, visitor, context in
            let id = try APIRoutes.ticketID(context)
            _ = try await api.desk.apply(try parse(fields), to: id, by: visitor.account.name)
            return Self.redirect("/tickets/\(id)")
        }
    }
}
