import Foundation
import TriageCore

/// Escaping and number formats shared by the HTML report and its SVG charts.
///
/// Every text that comes from data (site ids, customers, summaries, reasons) goes through
/// ``escape(_:)`` before it reaches a document, so a ticket summary holding markup shows as text
/// and never runs. Numbers are written with integer arithmetic (`Double.fixed`), so a document
/// does not depend on the machine's locale.
public enum HTMLText {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` as character references.
    /// The five are ASCII, so the text is scanned as UTF-8 bytes, and returned as it is when none
    /// occurs (most ids and labels): walking it by `Character` costs grapheme breaking per letter.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { reference(for: $0) != nil }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if let reference = reference(for: byte) {
                escaped.append(contentsOf: reference.utf8)
            } else {
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func reference(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// An SVG coordinate: at most two decimals, without trailing zeros (`12.5`, `40`), so
    /// documents stay small and stable for tests.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        let hundredths = Int64((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let (whole, fraction) = hundredths.quotientAndRemainder(dividingBy: 100)
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An uptime or share as a percentage with two decimals (`99.95%`): whole percents hide the
    /// difference between 99.9 % and 99 %, which is what a hosting contract is about.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "no data" }
        return (share * 100).fixed(decimals: 2) + "%"
    }

    /// A response time: `850 ms` below a second, `1.25 s` from there.
    public static func latency(_ seconds: Double) -> String {
        seconds < 1 ? "\((seconds * 1000).fixed(decimals: 0)) ms" : "\(seconds.fixed(decimals: 2)) s"
    }

    /// A span of time as the text reports write it (`2h 5m`), `0s` for none.
    public static func span(_ seconds: Double) -> String {
        TextTable.span(Int(seconds.rounded()))
    }

    /// A UTC instant as the text reports write it (`2026-11-02T14:00:00`).
    public static func utc(_ date: Date) -> String {
        TextTable.utc(date)
    }

    /// A UTC day as `MM-DD`, short enough for a chart's axis.
    public static func shortDay(_ date: Date) -> String {
        String(utc(date).dropFirst(5).prefix(5))
    }
}
