import Foundation
import GRDB
import TicketStore
import TriageCore

/// One row of `ticket_events`, the append-only audit trail.
struct TicketEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "ticket_events"

    /// Nil until inserted; also the tie-breaker between events of the same millisecond.
    var id: Int64?
    var ticketID: Int64
    var at: Int64
    var kind: TicketEventKind
    var actor: String
    var detail: String
    var level: Int?

    enum CodingKeys: String, CodingKey {
        case id, at, kind, actor, detail, level
        case ticketID = "ticket_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension TicketEventRecord {
    /// An event written by the daemon on ticket `ticketID`.
    init(ticketID: Int64, at: Date, kind: TicketEventKind, detail: String, level: Int? = nil) {
        self.init(
            id: nil, ticketID: ticketID, at: at.millisecondsSince1970, kind: kind,
            actor: AuditText.daemonActor, detail: detail, level: level
        )
    }

    /// The row that stores `event`, a desk action's record with its own actor and instant.
    init(_ event: TicketEvent) {
        self.init(
            id: nil, ticketID: event.ticketID, at: event.at.millisecondsSince1970, kind: event.kind,
            actor: event.actor, detail: event.detail, level: event.level
        )
    }

    /// The domain event this row stores.
    var event: TicketEvent {
        TicketEvent(
            ticketID: ticketID, at: Date(millisecondsSince1970: at), kind: kind, actor: actor, detail: detail, level: level
        )
    }
}
