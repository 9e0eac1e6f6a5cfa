import Foundation
import PostgresNIO
import TicketStore
import TriageCore

/// Leases on PostgreSQL: one `READ COMMITTED` transaction per round, without the ticket lock.
/// Nodes never wait on each other's claims: a claim locks the free lease rows it takes with
/// `FOR UPDATE SKIP LOCKED`, so two nodes claiming at the same moment take disjoint checks, and a
/// row another node is renewing or claiming is simply not a candidate this round.
extension PostgresTicketStore: WorkLeases {
    public func renewLeases(_ request: LeaseRequest) async throws -> LeaseGrant {
        let name = request.node.name
        let now = request.now.millisecondsSince1970
        let until = request.expiresAt.millisecondsSince1970
        let checks = request.checkIDs.sorted()
        return try await write("renew the leases of node \(name)", lock: nil) { session in
            try await Self.register(request, in: session)
            let live = try await session.value("SELECT count(*) FROM triage_nodes WHERE expires_at > \(now)", as: Int64.self) ?? 1
            try await session.execute(
                "UPDATE check_leases SET node = NULL, expires_at = 0 WHERE node = \(name) AND NOT (check_id = ANY(\(checks)::text[]))"
            )
            var held = Set(
                try await session.rows("UPDATE check_leases SET expires_at = \(until) WHERE node = \(name) RETURNING check_id")
                    .map { try $0.decode(String.self) }
            )
            let share = LeaseGrant.fairShare(checks: checks.count, liveNodes: Int(live))
            if held.count > share {
                let excess = Array(held.sorted().suffix(held.count - share))
                try await session.execute("UPDATE check_leases SET node = NULL, expires_at = 0 WHERE check_id = ANY(\(excess)::text[])")
                held.subtract(excess)
            } else if held.count < share {
                try await Self.seed(checks, in: session)
                held.formUnion(try await Self.claim(share - held.count, of: checks, for: name, now: now, until: until, in: session))
            }
            let next = try await session.value(
                """
                SELECT min(expires_at) FROM check_leases
                WHERE node <> \(name) AND expires_at > \(now) AND check_id = ANY(\(checks)::text[])
                """,
                as: Int64?.self
            )
            return LeaseGrant(
                held: held, expiresAt: Date(millisecondsSince1970: until), liveNodes: Int(live),
                nextForeignExpiry: next.flatMap { $0 }.map(Date.init(millisecondsSince1970:))
            )
        }
    }

    public func releaseLeases(of node: ProbeNode, at now: Date) async throws {
        try await write("release the leases of node \(node.name)", lock: nil) { session in
            let stopped = try await session.rows(
                """
                UPDATE triage_nodes SET expires_at = \(now.millisecondsSince1970), stopped_at = \(now.millisecondsSince1970)
                WHERE name = \(node.name) AND instance = \(node.instance) RETURNING name
                """
            )
            guard !stopped.isEmpty else { return }
            try await session.execute("UPDATE check_leases SET node = NULL, expires_at = 0 WHERE node = \(node.name)")
        }
    }

    public func nodes(at now: Date) async throws -> [NodeStatus] {
        try await read("list the nodes") { session in
            try await session.rows(
                """
                SELECT n.name, n.location, n.started_at, n.heartbeat_at, n.expires_at, n.stopped_at,
                    (SELECT count(*) FROM check_leases l WHERE l.node = n.name AND l.expires_at > \(now.millisecondsSince1970))
                FROM triage_nodes n ORDER BY n.name
                """
            ).map { row in
                let (name, location, started, heartbeat, expires, stopped, held) = try row.decode(
                    (String, String, Int64, Int64, Int64, Int64?, Int64).self
                )
                return NodeStatus(
                    name: name, location: location, startedAt: Date(millisecondsSince1970: started),
                    heartbeatAt: Date(millisecondsSince1970: heartbeat), expiresAt: Date(millisecondsSince1970: expires),
                    stoppedAt: stopped.map(Date.init(millisecondsSince1970:)), checksHeld: Int(held)
                )
            }
        }
    }

    /// Writes the node's heartbeat; refuses a name whose row belongs to another live instance.
    private static func register(_ request: LeaseRequest, in session: PostgresSession) async throws {
        let node = request.node
        let now = request.now.millisecondsSince1970
        let taken = try await session.rows(
            """
            INSERT INTO triage_nodes (name, location, instance, started_at, heartbeat_at, expires_at, stopped_at)
            VALUES (\(node.name), \(node.location), \(node.instance), \(node.startedAt.millisecondsSince1970), \(now),
                \(request.expiresAt.millisecondsSince1970), NULL)
            ON CONFLICT (name) DO UPDATE SET location = excluded.location, instance = excluded.instance,
                started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at,
                stopped_at = NULL
            WHERE triage_nodes.instance = excluded.instance OR triage_nodes.expires_at <= \(now)
            RETURNING name
            """
        )
        guard taken.isEmpty else { return }
        let until = try await session.value("SELECT expires_at FROM triage_nodes WHERE name = \(node.name)", as: Int64.self) ?? now
        throw NodeNameInUse(name: node.name, until: Date(millisecondsSince1970: until))
    }

    /// Adds a free lease row for each configured check that has none yet, in check order, so two
    /// nodes seeding at once meet on the same first row instead of deadlocking.
    private static func seed(_ checks: [String], in session: PostgresSession) async throws {
        let known = try await session.value(
            "SELECT count(*) FROM check_leases WHERE check_id = ANY(\(checks)::text[])", as: Int64.self
        ) ?? 0
        guard known < checks.count else { return }
        try await session.execute(
            """
            INSERT INTO check_leases (check_id, node, expires_at)
            SELECT id, NULL, 0 FROM UNNEST(\(checks)::text[]) WITH ORDINALITY AS c(id, n) ORDER BY n
            ON CONFLICT (check_id) DO NOTHING
            """
        )
    }

    /// Takes up to `count` free or expired leases among `checks`, skipping rows other nodes lock.
    private static func claim(
        _ count: Int, of checks: [String], for name: String, now: Int64, until: Int64, in session: PostgresSession
    ) async throws -> [String] {
        try await session.rows(
            """
            UPDATE check_leases SET node = \(name), expires_at = \(until)
            WHERE check_id IN (
                SELECT check_id FROM check_leases
                WHERE check_id = ANY(\(checks)::text[]) AND (node IS NULL OR expires_at <= \(now))
                ORDER BY check_id LIMIT \(Int64(count)) FOR UPDATE SKIP LOCKED
            )
            RETURNING check_id
            """
        ).map { try $0.decode(String.self) }
    }
}
