import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore

/// What every desk action shares: who acts, and how the changed ticket is printed.
struct DeskOptions: ParsableArguments {
    @Option(help: "Who does it (recorded in the audit trail); defaults to TRIAGE_USER, then USER.")
    var by: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The actor's name, or a sentence saying how to give one.
    func actor() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let name = [by, environment["TRIAGE_USER"], environment["USER"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ValidationError("Say who you are with --by NAME (or set TRIAGE_USER): every change is recorded with its author.")
        }
        return name
    }

}

/// Prints a ticket with its audit trail (and, as text, the notifications sent of it) in `format`.
func printTicket(_ ticket: Ticket, format: OutputFormat, store: any SharedStore, now: Date) async throws {
    let events = try await store.events(ticketID: ticket.id)
    switch format {
    case .text:
        let deliveries = try await store.deliveries(ticketID: ticket.id)
        print(TicketDetail(now: now).render((ticket, events, deliveries)))
    case .json: print(try JSONRenderer<TicketJSON>().render(TicketJSON(ticket, now: now, events: events)))
    }
}

/// Runs one desk action on one ticket and prints the result.
protocol DeskActionCommand: AsyncParsableCommand {
    var options: GlobalOptions { get }
    var desk: DeskOptions { get }
    var id: Int64 { get }
    func action() throws -> TicketAction
}

extension DeskActionCommand {
    func run() async throws {
        let action = try action()
        let actor = try desk.actor()
        let opened = try await options.openDesk()
        let ticket = try await opened.apply(action, to: id, by: actor)
        try await printTicket(ticket, format: desk.format, store: opened.store, now: opened.clock.now)
    }
}
