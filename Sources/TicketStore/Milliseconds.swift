import Foundation

/// Instants are stored as INTEGER milliseconds since 1970 UTC: they sort as numbers, compare
/// exactly in SQL, and read the same from any SQL client, SQLite or PostgreSQL (BIGINT). Rounding (not truncating) keeps a
/// round trip exact for every instant that has a whole number of milliseconds.
extension Date {
    /// This instant as whole milliseconds since 1970 UTC.
    public var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant `milliseconds` after 1970 UTC.
    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension Duration {
    /// This duration as whole milliseconds, for arithmetic on stored instants.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
