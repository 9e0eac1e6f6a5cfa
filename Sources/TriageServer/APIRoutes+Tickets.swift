import Foundation
import Hummingbird
import TicketStore
import TriageApp
import TriageCore

/// Reading and filing tickets: `GET tickets` (filters and paging), `GET tickets/{id}` (with its
/// audit trail) and `POST tickets` (from a catalogue case).
extension APIRoutes {
    static let maximumPage = 500

    func addTicketRoutes(_ registry: RouteRegistry) {
        registry.on(.get, "tickets", role: .manager) { request, _, _ in
            let query = Query(request)
            let filter = try Self.filter(query)
            let (tickets, total) = (try await store.tickets(filter), try await store.ticketCount(filter))
            let now = clock.now
            return try JSONBody.response(
                PageJSON(
                    request, itemsKey: "tickets", total: total, limit: filter.limit, offset: filter.offset,
                    items: tickets.map { TicketJSON($0, now: now) }
                )
            )
        }
        registry.on(.get, "tickets/{id}", role: .manager) { _, context, _ in
            let id = try Self.ticketID(context)
            guard let ticket = try await store.ticket(id: id) else { throw TicketActionError.unknownTicket(id) }
            return try JSONBody.response(TicketJSON(ticket, now: clock.now, events: try await store.events(ticketID: id)))
        }
        registry.on(.post, "tickets", role: .ops) { request, _, account in
            let body = try await JSONBody.decode(OpenTicketBody.self, from: request)
            let ticket = try await desk.open(
                caseID: body.case.map(CaseID.init(rawValue:)), code: body.code, customer: body.customer, target: body.site,
                summary: body.summary, by: account.name
            )
            return try await ticketResponse(ticket, status: .created, headers: [.location: "\(Self.prefix)/tickets/\(ticket.id)"])
        }
    }

    /// A ticket with its audit trail, as `GET tickets/{id}` and every action answer it.
    func ticketResponse(_ ticket: Ticket, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) async throws -> Response {
        let events = try await store.events(ticketID: ticket.id)
        return try JSONBody.response(TicketJSON(ticket, now: clock.now, events: events), status: status, headers: headers)
    }

    /// `state` and `code` take comma-separated lists; `limit` 1 to 500 (default 50), `offset` from 0.
    static func filter(_ query: Query) throws -> TicketFilter {
        let states = try query.value("state", expected: "open, taken, resolved, refused or referred (comma-separated)") {
            list($0, TicketStatus.init(rawValue:))
        }
        let codes = try query.value("code", expected: "RED, YELLOW, GREEN or WHITE (comma-separated)") {
            list($0.uppercased(), TriageCode.init(rawValue:))
        }
        return TicketFilter(
            statuses: Set(states ?? []), codes: Set(codes ?? []), customer: query.string("customer"), targetID: query.string("site"),
            limit: try query.integer("limit", in: 1...maximumPage, default: 50),
            offset: try query.integer("offset", in: 0...Int(Int32.max), default: 0)
        )
    }

    static func list<T>(_ text: String, _ parse: (String) -> T?) -> [T]? {
        let values = text.split(separator: ",").map { parse($0.trimmingCharacters(in: .whitespaces)) }
        return values.contains { $0 == nil } ? nil : values.compactMap { $0 }
    }
}

/// `POST tickets`: a catalogue case (which decides the code) or a code where no case fits.
struct OpenTicketBody: Decodable {
    var `case`: String?
    var code: TriageCode?
    var customer: String
    /// The site (target id) concerned, such as `acme/www`.
    var site: String?
    var summary: String
}
