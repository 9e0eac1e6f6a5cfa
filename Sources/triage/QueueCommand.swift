import ArgumentParser
import TicketStore
import TriageApp
import TriageCore

struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "What to take in charge now: RED by deadline, then YELLOW, then GREEN and WHITE whose window has opened."
    )
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this customer's tickets.") var customer: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(try options.readStoreLocation(), clock: clock)
        let open = try await store.tickets(TicketFilter(statuses: [.open], customer: customer, limit: .max))
        let now = clock.now
        let queue = WorkQueue.order(open, now: now)
        switch format {
        case .text: print(QueueTable(now: now).render((queue, WorkQueue.waiting(open, now: now))))
        case .json:
            let entries = queue.enumerated().map { QueueEntryJSON(position: $0.offset + 1, entry: $0.element, now: now) }
            print(try JSONRenderer<[QueueEntryJSON]>().render(entries))
        }
    }
}

struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "List the catalogue of typical cases with their code and fee.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only cases of this code.") var code: TriageCode?

    func run() async throws {
        let cases = try options.loadConfiguration().settings.catalogue.cases.filter { code == nil || $0.code == code }
        print(CaseTable().render(cases))
    }
}
