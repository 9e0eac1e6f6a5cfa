import Foundation

/// An instant as `2026-11-02T14:00:00Z`, computed with integer arithmetic: a full report writes
/// tens of thousands of days and hours, and a formatter per date would cost more than the rest
/// of the JSON. Fractions of a second are dropped (rounded down), as the `.iso8601` strategy does.
public enum ISO8601Seconds {
    public static func text(_ date: Date) -> String {
        String(decoding: bytes(date), as: UTF8.self)
    }

    /// Writes the text straight into `sink`, without a `String` per date.
    static func write(_ date: Date, to sink: OutputSink) {
        sink.write(bytes: bytes(date))
    }

    /// `YYYY-MM-DDThh:mm:ssZ` as bytes; years beyond four digits keep all of theirs.
    private static func bytes(_ date: Date) -> [UInt8] {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (dayNumber, second) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let (year, month, day) = civil(daysSinceEpoch: dayNumber)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        append(year, width: 4, to: &bytes, then: "-")
        append(month, width: 2, to: &bytes, then: "-")
        append(day, width: 2, to: &bytes, then: "T")
        append(second / 3600, width: 2, to: &bytes, then: ":")
        append(second % 3600 / 60, width: 2, to: &bytes, then: ":")
        append(second % 60, width: 2, to: &bytes, then: "Z")
        return bytes
    }

    /// `value` zero-padded to `width` digits (a negative year keeps its sign), then `separator`.
    private static func append(_ value: Int64, width: Int, to bytes: inout [UInt8], then separator: Unicode.Scalar) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let digits = String(value.magnitude).utf8
        if digits.count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        bytes.append(contentsOf: digits)
        bytes.append(UInt8(ascii: separator))
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`, exact for every representable day).
    static func civil(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
