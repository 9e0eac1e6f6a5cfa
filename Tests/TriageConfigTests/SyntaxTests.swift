import Testing
import TriageCore
@testable import TriageConfig

/// Edge cases of the value syntaxes: durations, amounts, sizes and fee shapes.
@Suite struct SyntaxTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("5m", .seconds(300)), ("24h", .seconds(86_400)),
        ("4d", .seconds(4 * 86_400)), ("1w", .seconds(7 * 86_400)), ("1h30m", .seconds(5_400)), ("1s500ms", .milliseconds(1_500)),
        ("0", .zero), ("0s", .zero), ("-5m", .seconds(-300)), ("90d", .seconds(90 * 86_400)),
    ])
    func readsDurations(text: String, expected: Duration) {
        #expect(DurationSyntax.parse(text) == expected)
    }

    @Test(arguments: ["", "30", "90x", "1.5h", "5 m", "m", "1H", "1h-30m", "-", "s30", "9999999999999s", "999999999999w"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(DurationSyntax.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(5_400), "1h30m"), (.milliseconds(1_500), "1s500ms"), (.seconds(120), "120s"), (.zero, "0s"),
        (.seconds(-300), "-5m"), (.seconds(7 * 86_400), "7d"), (.milliseconds(500), "500ms"), (.seconds(300), "5m"),
    ])
    func writesDurationsBackInTheSameSyntax(duration: Duration, text: String) {
        #expect(DurationSyntax.format(duration) == text)
    }

    @Test(arguments: [
        ("40", Int64(4_000)), ("40.5", 4_050), ("40.50", 4_050), ("0", 0), ("0.01", 1), ("999999999999.99", 99_999_999_999_999),
    ])
    func readsAmountsAsDecimals(text: String, minorUnits: Int64) {
        #expect(AmountSyntax.parse(text) == Money(minorUnits: minorUnits, currency: "EUR"))
    }

    @Test(arguments: ["40.", ".5", "+40", "-40", "40.-5", "40.555", "1e3", "40,50", "4000000000000", "40 EUR", "", "0x10"])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(AmountSyntax.parse(text) == nil)
    }

    @Test(arguments: [("65536", 65_536), ("512B", 512), ("64KiB", 65_536), ("1MiB", 1 << 20), ("2GiB", 2 << 30)])
    func readsSizes(text: String, bytes: Int) {
        #expect(SizeSyntax.parse(text) == bytes)
    }

    @Test(arguments: ["1MB", "1.5MiB", "KiB", "-1", "", "1 MiB", "9999999999999"])
    func refusesWhatIsNotASize(text: String) {
        #expect(SizeSyntax.parse(text) == nil)
    }

    @Test func readsEveryFeeShape() throws {
        let shapes = [
            "free", "40", "40.50", "{amount: 40}", "{min: 10, max: 50}", "{amount: 10, per: subdomain}", "{instanceCostPlus: 50}",
            "quote", "contract", "{amount: 20, or: quote}", "{amount: 20, or: contract}", "unlisted",
        ]
        let detection = "  - {id: site-down, title: Down, code: RED, fee: free}\n"
            + "  - {id: slow-load, title: Slow, code: RED, fee: free}\n"
            + "  - {id: repeated-5xx, title: 5xx, code: RED, fee: free}\n"
        let cases = shapes.enumerated().map { "  - {id: case-\($0.offset), title: Case, code: GREEN, fee: \($0.element)}\n" }.joined()
        let catalogue = try ConfigLoader.parseSettings(yaml: "catalogue:\n" + detection + cases, file: "config/triage.yml").catalogue
        #expect(catalogue.cases.dropFirst(3).map(\.fee) == [
            .free, .fixed(.major(40)), .fixed(Money(minorUnits: 4_050)), .fixed(.major(40)), .range(min: .major(10), max: .major(50)),
            .perUnit(.major(10), unit: "subdomain"), .instanceCostPlus(.major(50)), .onQuote, .perContract,
            .fixedOrQuote(.major(20)), .fixedOrContract(.major(20)), .unlisted,
        ])
    }

    @Test func suggestsTheClosestKey() {
        #expect(KeySuggestion.distance("chekcs", "checks") == 1)
        #expect(KeySuggestion.closest(to: "chekcs", among: ["name", "url", "checks"]) == "checks")
        #expect(KeySuggestion.closest(to: "red", among: ["RED", "YELLOW"]) == "RED")
        #expect(KeySuggestion.closest(to: "tcp", among: ["http"]) == nil)
        #expect(KeySuggestion.closest(to: "completely", among: ["interval", "timeout"]) == nil)
    }
}
