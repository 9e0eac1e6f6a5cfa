import Foundation
import GRDB
import TicketStore
import TriageCore

/// Leases on SQLite: several `triage run` processes on one file are legitimate (one machine, one
/// disk), so the leases are real here too. Each round is one IMMEDIATE transaction: rounds run one
/// at a time across processes, so reading the lease rows and deciding in Swift is as safe as
/// PostgreSQL's row locks, and needs no array parameters.
extension SQLiteTicketStore: WorkLeases {
    public func renewLeases(_ request: LeaseRequest) async throws -> LeaseGrant {
        try await write("renew the leases of node \(request.node.name)") { db in
            try Self.register(request, in: db)
            let name = request.node.name
            let now = request.now.millisecondsSince1970
            let until = request.expiresAt.millisecondsSince1970
            let configured = Set(request.checkIDs)
            let live = try Int.fetchOne(db, sql: "SELECT count(*) FROM triage_nodes WHERE expires_at > ?", arguments: [now]) ?? 1
            var leases: [String: (node: String?, expiresAt: Int64)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT check_id, node, expires_at FROM check_leases") {
                leases[row[0]] = (row[1], row[2])
            }
            let mine = leases.filter { $0.value.node == name }.map(\.key)
            var held = Set(mine.filter(configured.contains))
            let share = LeaseGrant.fairShare(checks: configured.count, liveNodes: live)
            let excess = held.count > share ? Array(held.sorted().suffix(held.count - share)) : []
            held.subtract(excess)
            for id in mine where !held.contains(id) {
                try db.execute(sql: "UPDATE check_leases SET node = NULL, expires_at = 0 WHERE check_id = ?", arguments: [id])
            }
            try db.execute(sql: "UPDATE check_leases SET expires_at = ? WHERE node = ?", arguments: [until, name])
            let free = configured.sorted().filter { id in
                guard let lease = leases[id] else { return true }
                return lease.node == nil || (lease.node != name && lease.expiresAt <= now)
            }
            for id in free.prefix(max(0, share - held.count)) {
                try db.execute(
                    sql: """
                        INSERT INTO check_leases (check_id, node, expires_at) VALUES (?, ?, ?)
                        ON CONFLICT (check_id) DO UPDATE SET node = excluded.node, expires_at = excluded.expires_at
                        """,
                    arguments: [id, name, until]
                )
                held.insert(id)
            }
            let foreign = leases.filter { id, lease in
                configured.contains(id) && lease.node != nil && lease.node != name && lease.expiresAt > now
            }
            return LeaseGrant(
                held: held, expiresAt: Date(millisecondsSince1970: until), liveNodes: live,
                nextForeignExpiry: foreign.values.map(\.expiresAt).min().map(Date.init(millisecondsSince1970:))
            )
        }
    }

    public func releaseLeases(of node: ProbeNode, at now: Date) async throws {
        try await write("release the leases of node \(node.name)") { db in
            try db.execute(
                sql: "UPDATE triage_nodes SET expires_at = ?, stopped_at = ? WHERE name = ? AND instance = ?",
                arguments: [now.millisecondsSince1970, now.millisecondsSince1970, node.name, node.instance]
            )
            guard db.changesCount > 0 else { return }
            try db.execute(sql: "UPDATE check_leases SET node = NULL, expires_at = 0 WHERE node = ?", arguments: [node.name])
        }
    }

    public func nodes(at now: Date) async throws -> [NodeStatus] {
        try await read("list the nodes") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.name, n.location, n.started_at, n.heartbeat_at, n.expires_at, n.stopped_at,
                        (SELECT count(*) FROM check_leases l WHERE l.node = n.name AND l.expires_at > ?)
                    FROM triage_nodes n ORDER BY n.name
                    """,
                arguments: [now.millisecondsSince1970]
            ).map { row in
                NodeStatus(
                    name: row[0], location: row[1], startedAt: Date(millisecondsSince1970: row[2]),
                    heartbeatAt: Date(millisecondsSince1970: row[3]), expiresAt: Date(millisecondsSince1970: row[4]),
                    stoppedAt: (row[5] as Int64?).map(Date.init(millisecondsSince1970:)), checksHeld: row[6]
                )
            }
        }
    }

    /// Writes the node's heartbeat; refuses a name whose row belongs to another live instance.
    private static func register(_ request: LeaseRequest, in db: Database) throws {
        let node = request.node
        let now = request.now.millisecondsSince1970
        try db.execute(
            sql: """
                INSERT INTO triage_nodes (name, location, instance, started_at, heartbeat_at, expires_at, stopped_at)
                VALUES (?, ?, ?, ?, ?, ?, NULL)
                ON CONFLICT (name) DO UPDATE SET location = excluded.location, instance = excluded.instance,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
                    expires_at = excluded.expires_at, stopped_at = NULL
                WHERE triage_nodes.instance = excluded.instance OR triage_nodes.expires_at <= ?
                """,
            arguments: [
                node.name, node.location, node.instance, node.startedAt.millisecondsSince1970, now,
                request.expiresAt.millisecondsSince1970, now,
            ]
        )
        guard db.changesCount == 0 else { return }
        let until = try Int64.fetchOne(db, sql: "SELECT expires_at FROM triage_nodes WHERE name = ?", arguments: [node.name]) ?? now
        throw NodeNameInUse(name: node.name, until: Date(millisecondsSince1970: until))
    }
}
