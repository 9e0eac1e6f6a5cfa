import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore

struct TicketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "File, work and read the tickets of the shared store.",
        subcommands: [
            ListTickets.self, ShowTicket.self, OpenTicket.self, TakeTicket.self, CommentTicket.self,
            RecodeTicket.self, ResolveTicket.self, RefuseTicket.self, ReferTicket.self,
        ]
    )
}

extension TriageCode: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension TicketStatus: ExpressibleByArgument {}

extension Cause: ExpressibleByArgument {}

struct ListTickets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tickets, newest first.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only tickets with this status (open, taken, resolved, refused, referred); repeatable.")
    var status: [TicketStatus] = []

    @Option(help: "Only tickets of this code (RED, YELLOW, GREEN, WHITE); repeatable.")
    var code: [TriageCode] = []

    @Option(help: "Only tickets of this customer.")
    var customer: String?

    @Option(help: "At most this many tickets.")
    var limit = 200

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(try options.readStoreLocation(), clock: clock)
        let filter = TicketFilter(statuses: Set(status), codes: Set(code), customer: customer, limit: limit)
        let tickets = try await store.tickets(filter)
        let now = clock.now
        switch format {
        case .text: print(TicketTable(now: now).render(tickets))
        case .json:
            var listed: [TicketJSON] = []
            for ticket in tickets {
                listed.append(TicketJSON(ticket, now: now, events: try await store.events(ticketID: ticket.id)))
            }
            print(try JSONRenderer<[TicketJSON]>().render(listed))
        }
    }
}
