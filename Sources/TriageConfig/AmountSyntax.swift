import TriageCore

/// Amounts of money as admins write them: `40` or `40.50`, always EUR, never through `Double`.
///
/// Stricter than `Money.parse`, which also takes `+40` and `40.-5` and would overflow on a huge
/// number: only digits, at most twelve before the point and two after.
enum AmountSyntax {
    static let currency = "EUR"

    static func parse(_ text: String) -> Money? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...12).contains(parts[0].count), parts[0].allSatisfy(isDigit) else { return nil }
        if parts.count == 2, !((1...2).contains(parts[1].count) && parts[1].allSatisfy(isDigit)) { return nil }
        return Money.parse(text, currency: currency)
    }

    private static func isDigit(_ character: Character) -> Bool {
        character >= "0" && character <= "9"
    }
}
