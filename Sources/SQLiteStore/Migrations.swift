import GRDB

/// The schema's history: named, append-only migrations in plain SQL.
///
/// A migration, once shipped, is never edited: databases in the field already ran it. A change is
/// a new migration appended at the end. None depends on application types, so the SQL here stays
/// exactly what ran, whatever the Swift code becomes later.
enum Migrations {
    /// Every migration in the order it runs; GRDB records each applied name in `grdb_migrations`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-tickets") { db in try db.execute(sql: tickets) }
        migrator.registerMigration("v2-ticket-events") { db in try db.execute(sql: ticketEvents) }
        migrator.registerMigration("v3-probe-results") { db in try db.execute(sql: probeResults) }
        migrator.registerMigration("v4-ticket-desk") { db in try db.execute(sql: ticketDesk) }
        migrator.registerMigration("v5-result-certificate") { db in try db.execute(sql: resultCertificate) }
        migrator.registerMigration("v6-notifications") { db in try db.execute(sql: notifications) }
        migrator.registerMigration("v7-planned-incidents") { db in try db.execute(sql: plannedIncidents) }
        migrator.registerMigration("v8-result-rollups") { db in try db.execute(sql: resultRollups) }
        migrator.registerMigration("v9-node-leases") { db in try db.execute(sql: nodeLeases) }
        migrator.registerMigration("v10-accounts") { db in try db.execute(sql: accounts) }
        migrator.registerMigration("v11-location-suspicions") { db in try db.execute(sql: locationSuspicions) }
        migrator.registerMigration("v12-browser-sessions") { db in try db.execute(sql: browserSessions) }
        return migrator
    }

    /// Tickets, with the partial unique index that makes "one active incident per dedup key" a
    /// property of the file itself, whichever process or release writes to it.
    private static let tickets = """
        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            code TEXT NOT NULL,
            status TEXT NOT NULL,
            source TEXT NOT NULL,
            customer TEXT NOT NULL,
            target_id TEXT,
            check_id TEXT,
            case_id TEXT,
            summary TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            not_before INTEGER,
            deadline INTEGER NOT NULL,
            taken_at INTEGER,
            taken_by TEXT,
            resolved_at INTEGER,
            resolution TEXT,
            cause TEXT,
            fee_minor INTEGER,
            fee_currency TEXT,
            dedup_key TEXT
        );
        CREATE UNIQUE INDEX tickets_one_active_per_dedup_key ON tickets(dedup_key)
            WHERE status IN ('open', 'taken');
        CREATE INDEX tickets_by_dedup_key ON tickets(dedup_key, resolved_at);
        CREATE INDEX tickets_by_opened_at ON tickets(opened_at);
        """

    /// The audit trail. Triggers refuse updates and deletes, so an event once written stays as it
    /// was, even when someone edits the file with another SQLite client.
    private static let ticketEvents = """
        CREATE TABLE ticket_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, at);
        CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
        BEGIN
            SELECT RAISE(ABORT, 'ticket_events is append-only');
        END;
        CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
        BEGIN
            SELECT RAISE(ABORT, 'ticket_events is append-only');
        END;
        """

    /// Probe results: the hot table. One index only, the one every read uses (one check over a
    /// time range), so inserts stay cheap; retention deletes by rowid, which follows arrival order.
    private static let probeResults = """
        CREATE TABLE probe_results (
            check_id TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            failure TEXT,
            reason TEXT NOT NULL,
            status_code INTEGER,
            dns REAL NOT NULL,
            connect REAL NOT NULL,
            tls REAL NOT NULL,
            first_byte REAL NOT NULL,
            total REAL NOT NULL,
            bytes INTEGER NOT NULL
        );
        CREATE INDEX probe_results_by_check_time ON probe_results(check_id, started_at);
        """

    /// What the ticket desk records beyond v1: the customer-fault surcharge (split like the fee, so
    /// its currency survives), the early-take flag, the partner of a referral, and when a breach
    /// was recorded. Rows written before this migration, or by a release that predates it, read
    /// as "no surcharge, not early, not referred, no breach recorded".
    ///
    /// The partial index holds only untaken tickets whose breach is still unrecorded, so the
    /// daemon's periodic breach scan reads a handful of rows however many tickets have ended.
    private static let ticketDesk = """
        ALTER TABLE tickets ADD COLUMN surcharge_minor INTEGER;
        ALTER TABLE tickets ADD COLUMN surcharge_currency TEXT;
        ALTER TABLE tickets ADD COLUMN taken_early INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tickets ADD COLUMN referred_to TEXT;
        ALTER TABLE tickets ADD COLUMN breach_recorded_at INTEGER;
        CREATE INDEX tickets_unrecorded_breaches ON tickets(deadline)
            WHERE status = 'open' AND breach_recorded_at IS NULL;
        """

    /// When the server's certificate expires, for the results of checks that read it (TLS): reports
    /// and the board show the expiry next to the check. Rows written before this migration read as
    /// "not read".
    private static let resultCertificate = """
        ALTER TABLE probe_results ADD COLUMN certificate_expires_at INTEGER;
        """

    /// Alerting: the deliveries queued from the audit trail (one per event and channel, the pair
    /// unique so a re-read after a crash queues nothing twice), the router's cursor (starting at
    /// the last event already there, so an upgraded file does not page anyone for old tickets),
    /// the escalation steps and reminders each ticket had, and the level of `escalated` and
    /// `reminded` events. The partial index holds only undelivered rows: the sender's scan stays
    /// small however many deliveries succeeded.
    private static let notifications = """
        ALTER TABLE ticket_events ADD COLUMN level INTEGER;
        ALTER TABLE tickets ADD COLUMN escalation_steps INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tickets ADD COLUMN escalation_reminders INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX tickets_open_by_code ON tickets(code) WHERE status = 'open';
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id INTEGER NOT NULL REFERENCES ticket_events(id),
            channel TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER,
            last_error TEXT,
            UNIQUE (event_id, channel)
        );
        CREATE INDEX deliveries_due ON deliveries(next_attempt_at) WHERE delivered_at IS NULL;
        CREATE TABLE notification_cursor (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_event_id INTEGER NOT NULL
        );
        INSERT INTO notification_cursor (id, last_event_id) SELECT 1, COALESCE(MAX(id), 0) FROM ticket_events;
        """

    /// Incidents opened during a planned maintenance window: kept on record, never paged. Rows
    /// written before read as unplanned.
    private static let plannedIncidents = """
        ALTER TABLE tickets ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
        """

    /// Hour and day roll-ups of the probe results, which reports read instead of the results:
    /// one row per check, span (3600 or 86400 seconds) and start (seconds by state, probe and
    /// failure counts, an hour's p95 to rank the slowest hours, the latency histogram's stored
    /// form), keyed for a check's range, and the single watermark saying how far every check is
    /// rolled up.
    private static let resultRollups = """
        CREATE TABLE result_rollups (
            check_id TEXT NOT NULL,
            span INTEGER NOT NULL,
            start INTEGER NOT NULL,
            up REAL NOT NULL,
            degraded REAL NOT NULL,
            down REAL NOT NULL,
            maintenance REAL NOT NULL,
            unknown REAL NOT NULL,
            probes INTEGER NOT NULL,
            failures INTEGER NOT NULL,
            p95 REAL,
            latency BLOB NOT NULL,
            PRIMARY KEY (check_id, span, start)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_watermark (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            rolled_up_to INTEGER NOT NULL
        );
        """

    /// Several nodes on one store: each node's heartbeat (a row per node name, with the instance
    /// that holds the name and when its heartbeat ends), and one lease per check (the holding
    /// node's name, NULL when free, and when the lease ends). Instants are milliseconds since 1970.
    private static let nodeLeases = """
        CREATE TABLE triage_nodes (
            name TEXT PRIMARY KEY,
            location TEXT NOT NULL,
            instance TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            stopped_at INTEGER
        );
        CREATE TABLE check_leases (
            check_id TEXT PRIMARY KEY,
            node TEXT,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX check_leases_by_node ON check_leases(node);
        """

    /// The HTTP API's accounts (disabled, never deleted) and their tokens, of which only a SHA-256
    /// digest is kept. Instants are milliseconds since 1970.
    private static let accounts = """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            disabled_at INTEGER
        );
        CREATE TABLE api_tokens (
            digest TEXT PRIMARY KEY,
            account TEXT NOT NULL REFERENCES accounts(name),
            label TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_used_at INTEGER
        );
        CREATE INDEX api_tokens_by_account ON api_tokens(account);
        """

    /// Confirmation from several locations: a suspected outage (its check and finding kind, how
    /// many locations it needs, who opened it and when its window ends; outcome and closing instant
    /// once decided) and one verdict per node that probed it. The partial index finds the open ones.
    private static let locationSuspicions = """
        CREATE TABLE suspicions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            check_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            required INTEGER NOT NULL,
            opened_by TEXT NOT NULL,
            opened_in TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            outcome TEXT,
            closed_at INTEGER
        );
        CREATE INDEX suspicions_open ON suspicions(check_id, kind) WHERE closed_at IS NULL;
        CREATE TABLE suspicion_verdicts (
            suspicion_id INTEGER NOT NULL REFERENCES suspicions(id) ON DELETE CASCADE,
            node TEXT NOT NULL,
            location TEXT NOT NULL,
            failed INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (suspicion_id, node)
        ) WITHOUT ROWID;
        """

    /// The dashboard's browser sessions, kept across restarts: the SHA-256 digest of the session id
    /// (never the id), its account, its CSRF token, and when it was opened and last seen. The
    /// indexes serve closing an account's sessions and pruning idle ones.
    private static let browserSessions = """
        CREATE TABLE browser_sessions (
            digest TEXT PRIMARY KEY,
            account TEXT NOT NULL REFERENCES accounts(name),
            csrf_token TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL
        );
        CREATE INDEX browser_sessions_by_account ON browser_sessions(account);
        CREATE INDEX browser_sessions_by_last_seen ON browser_sessions(last_seen_at);
        """
}
