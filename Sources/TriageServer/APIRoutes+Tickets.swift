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
            let next = filter.offset + tickets.count < total ? Self.nextPage(request, offset: filter.offset + tickets.count) : nil
            return try JSONBody.response(
                TicketPageJSON(
                    total: total, limit: filter.limit, offset: filter.offset, next: next,
                    tickets: tickets.map { TicketJSON($0, now: now) }
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

    /// The same request's path and query with another offset.
    private static func nextPage(_ request: Request, offset: Int) -> String {
        var components = URLComponents()
        components.path = request.uri.path
        let kept = Query(request).parameters.filter { $0.key != "offset" }.sorted { $0.key < $1.key }
        components.queryItems = kept.map { URLQueryItem(name: $0.key, value: $0.value) } + [URLQueryItem(name: "offset", value: "\(offset)")]
        return components.string ?? request.uri.path
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

/// One page of `GET tickets`: the total matching, and `next` (the next page's URL) until the last.
struct TicketPageJSON: Encodable {
    var total: Int
    var limit: Int
    var offset: Int
    var next: String?
    var tickets: [TicketJSON]

    enum CodingKeys: String, CodingKey { case total, limit, offset, next, tickets }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(limit, forKey: .limit)
        try container.encode(offset, forKey: .offset)
        try container.encode(next, forKey: .next)
        try container.encode(tickets, forKey: .tickets)
    }
}
