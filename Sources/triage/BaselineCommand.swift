import ArgumentParser
import Foundation
import Probes
import TriageApp
import TriageCore

struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Fetch a content check's page now and print the baseline to paste under its content:.",
        discussion: """
            Later probes compare the page's visible text with this baseline; past maxChange the page \
            counts as defaced. Scripts, styles, markup and any word with a digit are ignored. Options \
            left out keep the check's current baseline settings.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The content check, as customer/site/check.")
    var check: String

    @Option(help: "The share of the text that may change before the page counts as defaced, such as 30%.")
    var maxChange: String?

    @Option(help: "Compare only the text after this marker, such as \"<main\".")
    var from: String?

    @Option(help: "Compare only the text before this marker (after --from), such as \"</main>\".")
    var to: String?

    func validate() throws {
        if let maxChange, Share.parse(maxChange) == nil {
            throw ValidationError("--max-change \(maxChange) is not a percentage between 0% and 100%; write it such as 30%.")
        }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        guard let check = configuration.probes.checks.first(where: { $0.id == check }) else {
            throw ValidationError("No check \(check); `triage check` lists them all.")
        }
        let captured = try await BaselineCapture.capture(
            check, maxChange: maxChange.flatMap { Share.parse($0) }, from: from, to: to, logger: options.makeLogger()
        )
        print(BaselineCapture.yaml(captured, check: check))
    }
}
