import TriageCore

/// A catalogue case's `fee:`, in one of the shapes documented at the top of `config/triage.yml`:
///
/// ```yaml
/// fee: free                          # included in the service
/// fee: 40                            # fixed amount in EUR (40.50 for cents)
/// fee: {min: 10, max: 50}            # a range
/// fee: {amount: 10, per: subdomain}  # per unit
/// fee: {instanceCostPlus: 50}        # the instance's cost plus a fixed amount
/// fee: quote                         # on quote
/// fee: contract                      # per contract
/// fee: {amount: 20, or: quote}       # fixed, or on quote for larger work
/// fee: {amount: 20, or: contract}    # fixed, or per contract
/// fee: unlisted                      # the policy lists no fee
/// ```
extension NodeCursor {
    private static let feeWords: [String: Fee] = [
        "free": .free, "quote": .onQuote, "contract": .perContract, "unlisted": .unlisted,
    ]
    private static let feeKeys = ["amount", "per", "or", "min", "max", "instanceCostPlus"]
    private static let feeShapes = "{amount: 40}, {min: 10, max: 50}, {amount: 10, per: subdomain}, "
        + "{amount: 20, or: quote}, {amount: 20, or: contract} or {instanceCostPlus: 50}"

    func fee() -> Fee? {
        switch node {
        case .scalar(let scalar):
            if let fee = Self.feeWords[scalar.string] { return fee }
            if let amount = AmountSyntax.parse(scalar.string) { return .fixed(amount) }
            let hint = KeySuggestion.didYouMean(scalar.string, among: Array(Self.feeWords.keys).sorted())
            fail(
                "\"\(scalar.string)\" is not a fee; \(hint)write free, quote, contract, unlisted, "
                    + "an amount such as 40 or 40.50, or one of \(Self.feeShapes)"
            )
            return nil
        case .mapping:
            return feeMapping()
        default:
            fail("is \(shape); write free, quote, contract, unlisted, an amount such as 40, or one of \(Self.feeShapes)")
            return nil
        }
    }

    private func feeMapping() -> Fee? {
        let mark = errors.count
        guard let map = mapping(allowedKeys: Self.feeKeys) else { return nil }
        let keys = Set(map.entries.map(\.key))
        guard errors.noneSince(mark) else { return nil }
        switch keys {
        case ["amount"]:
            return map.required("amount", example: "40")?.amount().map(Fee.fixed)
        case ["amount", "per"]:
            let amount = map.required("amount", example: "10")?.amount()
            let unit = map.required("per", example: "subdomain")?.nonEmptyString(example: "subdomain")
            guard let amount, let unit else { return nil }
            return .perUnit(amount, unit: unit)
        case ["amount", "or"]:
            let amount = map.required("amount", example: "20")?.amount()
            let alternative = map.required("or", example: "quote")?.choice(["quote", "contract"], noun: "an alternative to a fixed fee")
            guard let amount, let alternative else { return nil }
            return alternative == "quote" ? .fixedOrQuote(amount) : .fixedOrContract(amount)
        case ["min", "max"]:
            guard let range = amountRange(map) else { return nil }
            return .range(min: range.lowerBound, max: range.upperBound)
        case ["instanceCostPlus"]:
            return map.required("instanceCostPlus", example: "50")?.amount().map(Fee.instanceCostPlus)
        default:
            fail("has the keys \(keys.sorted().joined(separator: ", ")), which make no fee; write one of \(Self.feeShapes)")
            return nil
        }
    }

    /// `{min: 20, max: 50}` read from `map`, as for a fee range or the customer-fault surcharge.
    func amountRange(_ map: MapCursor) -> ClosedRange<Money>? {
        let minimum = map.required("min", example: "20")?.amount()
        let maximum = map.required("max", example: "50")?.amount()
        guard let minimum, let maximum else { return nil }
        guard minimum <= maximum else {
            fail("min (\(minimum)) is greater than max (\(maximum)); swap them")
            return nil
        }
        return minimum...maximum
    }
}
