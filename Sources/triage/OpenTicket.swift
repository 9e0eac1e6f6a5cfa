import ArgumentParser
import TriageApp
import TriageCore

struct OpenTicket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "File a ticket for a customer, from a catalogue case or with an explicit code.",
        discussion: "The case decides the code, hence the deadline (RED: 15 minutes) and the fee; `triage cases` lists the cases."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Option(name: .customLong("case"), help: "The catalogue case id, such as restore-database-backup.") var caseID: String?
    @Option(help: "The code, when no catalogue case fits: RED, YELLOW, GREEN or WHITE.") var code: TriageCode?
    @Option(help: "The customer.") var customer: String
    @Option(help: "The site concerned (customer/site), if any.") var target: String?
    @Option(help: "What the customer needs, in one line.") var summary: String

    func validate() throws {
        if caseID == nil, code == nil {
            throw ValidationError("Name a catalogue case with --case ID (`triage cases` lists them), or a code with --code when no case fits.")
        }
        if customer.isEmpty || summary.isEmpty { throw ValidationError("--customer and --summary cannot be empty.") }
    }

    func run() async throws {
        let actor = try desk.actor()
        let opened = try await options.openDesk()
        let ticket = try await opened.open(
            caseID: caseID.map(CaseID.init(rawValue:)), code: code, customer: customer, target: target, summary: summary, by: actor
        )
        try await printTicket(ticket, format: desk.format, store: opened.store, now: opened.clock.now)
    }
}

struct ShowTicket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket with its full audit trail.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Argument(help: "The ticket id.") var id: Int64

    func run() async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(try options.readStoreLocation(), clock: clock)
        guard let ticket = try await store.ticket(id: id) else { throw TicketActionError.unknownTicket(id) }
        try await printTicket(ticket, format: format, store: store, now: clock.now)
    }
}
