import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// The `tickets` table's columns as they are stored (instants in milliseconds, each amount split
/// into minor units and currency), converted to and from `Ticket` at the edge of the module.
enum TicketRow {
    /// The columns `ticket(from:)` reads, in a SELECT list.
    static let columns = """
        id, code, status, source, customer, target_id, check_id, case_id, summary, opened_at, not_before, deadline,
        taken_at, taken_by, resolved_at, resolution, cause, fee_minor, fee_currency, surcharge_minor,
        surcharge_currency, taken_early, referred_to, breach_recorded_at, dedup_key, planned
        """

    /// Inserts `ticket` (its id is a placeholder) and returns it under the id the database assigned.
    static func insert(_ ticket: Ticket, in session: PostgresSession) async throws -> Ticket {
        let query: PostgresQuery = """
            INSERT INTO tickets (code, status, source, customer, target_id, check_id, case_id, summary, opened_at,
                not_before, deadline, taken_at, taken_by, resolved_at, resolution, cause, fee_minor, fee_currency,
                surcharge_minor, surcharge_currency, taken_early, referred_to, breach_recorded_at, dedup_key, planned)
            VALUES (\(ticket.code.rawValue), \(ticket.status.rawValue), \(ticket.source.rawValue), \(ticket.customer),
                \(ticket.targetID), \(ticket.checkID), \(ticket.caseID?.rawValue), \(ticket.summary),
                \(ticket.openedAt.millisecondsSince1970), \(ticket.notBefore?.millisecondsSince1970),
                \(ticket.deadline.millisecondsSince1970), \(ticket.takenAt?.millisecondsSince1970), \(ticket.takenBy),
                \(ticket.resolvedAt?.millisecondsSince1970), \(ticket.resolution), \(ticket.cause?.rawValue),
                \(ticket.fee?.minorUnits), \(ticket.fee?.currency), \(ticket.surcharge?.minorUnits),
                \(ticket.surcharge?.currency), \(ticket.takenEarly), \(ticket.referredTo),
                \(ticket.breachRecordedAt?.millisecondsSince1970), \(ticket.dedupKey), \(ticket.planned))
            RETURNING id
            """
        var stored = ticket
        guard let id = try await session.value(query, as: Int64.self) else {
            preconditionFailure("INSERT ... RETURNING returns the row it inserted")
        }
        stored.id = id
        return stored
    }

    /// Writes every column of `ticket` to its row. (The escalation counters are not ticket fields
    /// and stay as they are.)
    static func update(_ ticket: Ticket, in session: PostgresSession) async throws {
        try await session.execute(
            """
            UPDATE tickets SET code = \(ticket.code.rawValue), status = \(ticket.status.rawValue),
                source = \(ticket.source.rawValue), customer = \(ticket.customer), target_id = \(ticket.targetID),
                check_id = \(ticket.checkID), case_id = \(ticket.caseID?.rawValue), summary = \(ticket.summary),
                opened_at = \(ticket.openedAt.millisecondsSince1970),
                not_before = \(ticket.notBefore?.millisecondsSince1970),
                deadline = \(ticket.deadline.millisecondsSince1970), taken_at = \(ticket.takenAt?.millisecondsSince1970),
                taken_by = \(ticket.takenBy), resolved_at = \(ticket.resolvedAt?.millisecondsSince1970),
                resolution = \(ticket.resolution), cause = \(ticket.cause?.rawValue), fee_minor = \(ticket.fee?.minorUnits),
                fee_currency = \(ticket.fee?.currency), surcharge_minor = \(ticket.surcharge?.minorUnits),
                surcharge_currency = \(ticket.surcharge?.currency), taken_early = \(ticket.takenEarly),
                referred_to = \(ticket.referredTo), breach_recorded_at = \(ticket.breachRecordedAt?.millisecondsSince1970),
                dedup_key = \(ticket.dedupKey), planned = \(ticket.planned)
            WHERE id = \(ticket.id)
            """
        )
    }

    /// The tickets a query selecting ``columns`` returns, in its order.
    static func tickets(_ query: PostgresQuery, in session: PostgresSession) async throws -> [Ticket] {
        try await session.rows(query).map(ticket(from:))
    }

    /// The ticket a row of ``columns`` stores.
    static func ticket(from row: PostgresRow) throws -> Ticket {
        let cells = row.makeRandomAccess()
        func column<T: PostgresDecodable>(_ name: String, _ type: T.Type = T.self) throws -> T {
            try cells[name].decode(T.self)
        }
        func instant(_ name: String) throws -> Date? {
            try column(name, Int64?.self).map(Date.init(millisecondsSince1970:))
        }
        func money(_ minor: String, _ currency: String) throws -> Money? {
            guard let minorUnits = try column(minor, Int64?.self), let code = try column(currency, String?.self) else {
                return nil
            }
            return Money(minorUnits: minorUnits, currency: code)
        }
        return Ticket(
            id: try column("id"), code: try known(column("code")), status: try known(column("status")),
            source: try known(column("source")), customer: try column("customer"), targetID: try column("target_id"),
            checkID: try column("check_id"), caseID: try column("case_id", String?.self).map(CaseID.init(rawValue:)),
            summary: try column("summary"), openedAt: Date(millisecondsSince1970: try column("opened_at")),
            notBefore: try instant("not_before"), deadline: Date(millisecondsSince1970: try column("deadline")),
            takenAt: try instant("taken_at"), takenBy: try column("taken_by"), resolvedAt: try instant("resolved_at"),
            resolution: try column("resolution"), cause: try column("cause", String?.self).map { try known($0) },
            fee: try money("fee_minor", "fee_currency"), surcharge: try money("surcharge_minor", "surcharge_currency"),
            takenEarly: try column("taken_early"), referredTo: try column("referred_to"),
            breachRecordedAt: try instant("breach_recorded_at"), dedupKey: try column("dedup_key"),
            planned: try column("planned")
        )
    }
}

/// `raw` as a value of the enum it names; a value this release does not know throws (a newer
/// release may have written it), rather than reading as something else.
func known<Value: RawRepresentable<String>>(_ raw: String) throws -> Value {
    guard let value = Value(rawValue: raw) else { throw UnknownStoredValue(raw: raw, type: "\(Value.self)") }
    return value
}

/// A stored value that is no case of the enum this release reads it as.
struct UnknownStoredValue: Error {
    var raw: String
    var type: String
}
