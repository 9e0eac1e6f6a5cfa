/// A share from 0 to 1 written as a percentage (`30%`), as in `baseline.maxChange` and
/// `triage baseline --max-change`: one syntax for the file and the command line.
public enum Share {
    /// The share written as `text` ("30%" → 0.3); nil when it is not a number followed by `%`
    /// or lies outside 0% to `maximum` (a share; 1 is 100%).
    public static func parse(_ text: String, maximum: Double = 1) -> Double? {
        guard text.hasSuffix("%"), let number = Double(text.dropLast()), (0...maximum * 100).contains(number) else { return nil }
        return number / 100
    }

    /// "30%": the share in whole percent.
    public static func format(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}
