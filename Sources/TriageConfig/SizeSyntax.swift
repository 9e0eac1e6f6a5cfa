/// Body sizes as admins write them: a number of bytes, or a number with `KiB`, `MiB` or `GiB`.
enum SizeSyntax {
    private static let units: [String: Int] = ["": 1, "B": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30]

    static func parse(_ text: String) -> Int? {
        let digits = text.prefix { $0 >= "0" && $0 <= "9" }
        guard !digits.isEmpty, digits.count <= 12, let number = Int(digits),
            let unit = units[String(text.dropFirst(digits.count))]
        else { return nil }
        let (bytes, overflowed) = number.multipliedReportingOverflow(by: unit)
        return overflowed ? nil : bytes
    }

    /// The size in the largest unit that divides it exactly (`1MiB`, `1500`).
    static func format(_ bytes: Int) -> String {
        for (suffix, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size)\(suffix)"
        }
        return "\(bytes)"
    }
}
