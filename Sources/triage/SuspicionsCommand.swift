import ArgumentParser
import TriageApp
import TriageCore

/// `triage suspicions`: the outages that waited for other locations (`confirm:`), newest first,
/// with the locations that saw each fail or fine and whether it was raised.
struct SuspicionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspicions",
        abstract: "List recent outages that waited for confirmation from other locations, and what each location saw."
    )
    @OptionGroup var options: GlobalOptions
    @Option(help: "How many to show, newest first (1 to 1000).") var limit = 20

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000, not \(limit)") }
    }

    func run() async throws {
        let clock = SystemClock()
        let store = try await StoreFactory.open(try options.readStoreLocation(), clock: clock)
        print(SuspicionTable(now: clock.now).render(try await store.recentSuspicions(limit: limit)))
    }
}
