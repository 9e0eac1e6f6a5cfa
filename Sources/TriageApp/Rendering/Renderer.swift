import Foundation

/// The seam for output formats: one renderer per format and subject, chosen by ``OutputFormat``.
///
/// ```swift
/// let text = try TicketTable(now: clock.now).render(tickets)
/// let json = try JSONRenderer<[TicketJSON]>().render(tickets.map { TicketJSON($0, now: now) })
/// ```
public protocol Renderer<Subject>: Sendable {
    associatedtype Subject
    func render(_ subject: Subject) throws -> String
}

/// The formats a command can print.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Any `Encodable` subject as indented JSON with ISO-8601 UTC times, members in the order the
/// type declares them: stable for scripts (see ``StreamingJSONEncoder``).
public struct JSONRenderer<Subject: Encodable>: Renderer {
    public init() {}

    public func render(_ subject: Subject) throws -> String {
        try OutputSink.collect { try write(subject, to: $0) }
    }

    /// Writes the JSON to `sink` as it is encoded, so a large report is never whole in memory.
    public func write(_ subject: Subject, to sink: OutputSink) throws {
        try StreamingJSONEncoder.encode(subject, to: sink)
    }
}

/// Aligns rows of cells into columns for a terminal; its deadline and instant wordings are the
/// dashboard's too.
public enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        // Each cell's width is counted once: counting characters walks the whole string.
        let counts = all.map { $0.map(\.count) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in counts {
            for (index, count) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], count)
            }
        }
        var text = ""
        for (number, row) in all.enumerated() {
            if number > 0 { text += "\n" }
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += cell
                if index < row.count - 1, index < widths.count {
                    text += String(repeating: " ", count: widths[index] - counts[number][index])
                }
            }
        }
        return text
    }

    /// `12m 30s left` or `overdue by 2h 5m`: how a deadline reads on a queue.
    public static func timeLeft(until deadline: Date, now: Date) -> String {
        let seconds = Int(deadline.timeIntervalSince(now))
        let words = span(abs(seconds))
        return seconds >= 0 ? "\(words) left" : "overdue by \(words)"
    }

    static func span(_ seconds: Int) -> String {
        let (days, hours, minutes, secs) = (seconds / 86400, seconds % 86400 / 3600, seconds % 3600 / 60, seconds % 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m \(secs)s" }
        return "\(secs)s"
    }

    /// `2026-11-02T14:00:00`: UTC to the second, the way every report writes an instant.
    public static func utc(_ date: Date) -> String {
        String(ISO8601Seconds.text(date).dropLast())
    }
}
