/// An amount of money in minor units (cents), so sums are exact: never floating point.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The amount in the currency's minor unit (for EUR, cents).
    public var minorUnits: Int64
    /// ISO 4217 code, such as `EUR`.
    public var currency: String

    public init(minorUnits: Int64, currency: String = "EUR") {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// A whole number of major units, such as `Money.major(40)` for 40 EUR.
    public static func major(_ amount: Int64, currency: String = "EUR") -> Money {
        Money(minorUnits: amount * 100, currency: currency)
    }

    /// The amount as a decimal string with two fraction digits, such as `40.00`.
    public var decimalString: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var description: String { "\(decimalString) \(currency)" }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    /// Parses `40`, `40.5` or `40.50` into minor units: digits only, at most two fraction digits,
    /// never via floating point; nil for anything else, including amounts too large to hold.
    public static func parse(_ text: String, currency: String = "EUR") -> Money? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let whole = Int64(parts[0]) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            guard parts[1].count <= 2, let value = Int64(parts[1]) else { return nil }
            cents = parts[1].count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled <= Int64.max - cents else { return nil }
        return Money(minorUnits: scaled + cents, currency: currency)
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    /// JSON shape `{"amount": "40.00", "currency": "EUR"}`: the amount is a decimal string so no
    /// reader turns it into a floating-point number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decimalString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(String.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        guard let money = Money.parse(text, currency: currency) else {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: "not a decimal amount: \(text)")
        }
        self = money
    }
}
