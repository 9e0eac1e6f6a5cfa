import Foundation
import TicketStore
import TriageCore

/// One line of a store archive (JSON Lines): the header first, then one line per row tagged with
/// its table (`{"table":"tickets","row":{...}}`), tickets, events, deliveries, the routing cursor,
/// accounts, API token records and results in that order (each refers only to what came before),
/// and the end line last, which counts the rows: an archive cut short lacks it, and is refused
/// rather than half imported.
enum ArchiveLine {
    case header(ArchiveHeader)
    case ticket(TicketLine)
    case event(EventLine)
    case delivery(DeliveryLine)
    case cursor(CursorLine)
    case account(AccountLine)
    case token(TokenLine)
    case result(ResultLine)
    case end(ArchiveTotals)

    /// The table names of the row lines, as in the schema.
    enum Table: String, Codable, CaseIterable {
        case tickets
        case ticketEvents = "ticket_events"
        case deliveries
        case notificationCursor = "notification_cursor"
        case accounts
        case apiTokens = "api_tokens"
        case probeResults = "probe_results"
    }
}

/// The archive's first line: what it is, its format's version, and the schema it was taken from.
struct ArchiveHeader: Codable {
    static let formatName = "triage-store-archive"
    /// Bumped when a line's shape changes or lines are added (2: accounts and API tokens); an
    /// importer refuses versions it does not know, so an older release names the newer format
    /// rather than stumbling on its first account line.
    static let currentVersion = 2
    /// The versions this release imports: version 1 is version 2 without accounts and tokens.
    static let readableVersions = 1...2

    var format: String
    var version: Int
    /// The source store's applied migrations, in order.
    var migrations: [String]
    /// The source store, as `StoreLocation` describes it (no password).
    var source: String
}

/// How many rows of each table an archive holds: its end line, and what export and import report.
public struct ArchiveTotals: Codable, Sendable, Hashable, CustomStringConvertible {
    public var tickets = 0
    public var ticketEvents = 0
    public var deliveries = 0
    public var accounts = 0
    public var apiTokens = 0
    public var probeResults = 0

    public init() {}

    /// Reads an end line of either version: version 1's has no accounts or tokens.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tickets = try container.decode(Int.self, forKey: .tickets)
        ticketEvents = try container.decode(Int.self, forKey: .ticketEvents)
        deliveries = try container.decode(Int.self, forKey: .deliveries)
        accounts = try container.decodeIfPresent(Int.self, forKey: .accounts) ?? 0
        apiTokens = try container.decodeIfPresent(Int.self, forKey: .apiTokens) ?? 0
        probeResults = try container.decode(Int.self, forKey: .probeResults)
    }

    public var description: String {
        "\(tickets) tickets, \(ticketEvents) ticket events, \(deliveries) deliveries, \(accounts) accounts, "
            + "\(apiTokens) API tokens, \(probeResults) probe results"
    }
}

extension ArchiveLine: Codable {
    private enum Keys: String, CodingKey {
        case format, table, row, end
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.format) {
            self = .header(try ArchiveHeader(from: decoder))
        } else if container.contains(.end) {
            self = .end(try container.decode(ArchiveTotals.self, forKey: .end))
        } else {
            switch try container.decode(Table.self, forKey: .table) {
            case .tickets: self = .ticket(try container.decode(TicketLine.self, forKey: .row))
            case .ticketEvents: self = .event(try container.decode(EventLine.self, forKey: .row))
            case .deliveries: self = .delivery(try container.decode(DeliveryLine.self, forKey: .row))
            case .notificationCursor: self = .cursor(try container.decode(CursorLine.self, forKey: .row))
            case .accounts: self = .account(try container.decode(AccountLine.self, forKey: .row))
            case .apiTokens: self = .token(try container.decode(TokenLine.self, forKey: .row))
            case .probeResults: self = .result(try container.decode(ResultLine.self, forKey: .row))
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .header(let header): try header.encode(to: encoder)
        case .end(let totals): try container.encode(totals, forKey: .end)
        case .ticket(let row): try encodeRow(row, table: .tickets, in: &container)
        case .event(let row): try encodeRow(row, table: .ticketEvents, in: &container)
        case .delivery(let row): try encodeRow(row, table: .deliveries, in: &container)
        case .cursor(let row): try encodeRow(row, table: .notificationCursor, in: &container)
        case .account(let row): try encodeRow(row, table: .accounts, in: &container)
        case .token(let row): try encodeRow(row, table: .apiTokens, in: &container)
        case .result(let row): try encodeRow(row, table: .probeResults, in: &container)
        }
    }

    private func encodeRow<Row: Encodable>(_ row: Row, table: Table, in container: inout KeyedEncodingContainer<Keys>) throws {
        try container.encode(table, forKey: .table)
        try container.encode(row, forKey: .row)
    }

    /// The coders of every line: column names in snake case, instants as whole milliseconds.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.millisecondsSince1970)
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in ColumnKey(column: path.last!.stringValue) }
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(millisecondsSince1970: try decoder.singleValueContainer().decode(Int64.self))
        }
        return decoder
    }()
}

/// A column name read back as the property it was written from: `ticket_id` → `ticketID`,
/// `opened_at` → `openedAt` (the encoder's snake case turns `ID` into `_id`, which the decoder's
/// own conversion would read as `Id`).
private struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(column: String) {
        let words = column.split(separator: "_")
        stringValue = words.enumerated().map { index, word in
            index == 0 ? String(word) : word == "id" ? "ID" : word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }

    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
