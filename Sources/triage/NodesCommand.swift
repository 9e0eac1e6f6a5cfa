import ArgumentParser
import TriageApp
import TriageCore

/// `triage nodes`: the nodes sharing the store, for an operator checking that every node is alive
/// and the checks are spread.
struct NodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodes",
        abstract: "List the nodes sharing the store: location, state, last heartbeat and how many checks each holds."
    )
    @OptionGroup var options: GlobalOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(try options.readStoreLocation(), clock: clock)
        let now = clock.now
        let nodes = try await store.nodes(at: now)
        switch format {
        case .text: print(NodeTable(now: now).render(nodes))
        case .json: print(try JSONRenderer<[NodeJSON]>().render(nodes.map { NodeJSON($0, now: now) }))
        }
    }
}
