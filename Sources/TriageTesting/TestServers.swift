import Foundation

/// Where the real test servers started by `scripts/test-servers.sh` listen, read once from the environment.
///
/// Network tests require these rather than skip without them, so a run without servers fails loudly
/// instead of passing with nothing tested.
///
/// ```swift
/// let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
/// ```
public enum TestServers {
    /// The test nginx, such as `http://127.0.0.1:40123` (TRIAGE_TEST_NGINX).
    public static let nginx: String? = variable("TRIAGE_TEST_NGINX")
    /// The misbehaving Python upstream, reached directly (TRIAGE_TEST_UPSTREAM).
    public static let upstream: String? = variable("TRIAGE_TEST_UPSTREAM")
    /// A port on 127.0.0.1 where nothing listens (TRIAGE_TEST_CLOSED_PORT).
    public static let closedPort: Int? = variable("TRIAGE_TEST_CLOSED_PORT").flatMap { Int($0) }
    /// The file nginx serves at `/switch` (404 while it is missing): a test writes or removes it
    /// to take a real site down and bring it back (TRIAGE_TEST_SWITCH_FILE).
    public static let switchFile: String? = variable("TRIAGE_TEST_SWITCH_FILE")
    /// An https site whose certificate, from the test CA, is valid for a year (TRIAGE_TEST_HTTPS_VALID).
    public static let httpsValid: String? = variable("TRIAGE_TEST_HTTPS_VALID")
    /// An https site whose certificate expires 3 days after the servers started (TRIAGE_TEST_HTTPS_EXPIRING).
    public static let httpsExpiring: String? = variable("TRIAGE_TEST_HTTPS_EXPIRING")
    /// An https site whose certificate expired on 2025-02-01 (TRIAGE_TEST_HTTPS_EXPIRED).
    public static let httpsExpired: String? = variable("TRIAGE_TEST_HTTPS_EXPIRED")
    /// The PEM certificate of the throwaway CA that signed the three, for `caFile` (TRIAGE_TEST_CA_FILE).
    public static let caFile: String? = variable("TRIAGE_TEST_CA_FILE")
    /// The test dnsmasq, `127.0.0.1:PORT`, serving `scripts/servers/dns/records.conf` (TRIAGE_TEST_DNS).
    public static let dns: String? = variable("TRIAGE_TEST_DNS")
    /// A name with A 192.0.2.10 and 192.0.2.11, and AAAA 2001:db8::10 (TRIAGE_TEST_DNS_HOST).
    public static let dnsHost: String? = variable("TRIAGE_TEST_DNS_HOST")
    /// An alias (CNAME) of ``dnsHost`` (TRIAGE_TEST_DNS_ALIAS).
    public static let dnsAlias: String? = variable("TRIAGE_TEST_DNS_ALIAS")
    /// The zone's apex: MX 10 mail and 20 backup-mx, TXT "v=spf1 mx -all" and a site verification,
    /// NS ns1 and ns2 (TRIAGE_TEST_DNS_DOMAIN).
    public static let dnsDomain: String? = variable("TRIAGE_TEST_DNS_DOMAIN")
    /// A name of the zone that does not exist: NXDOMAIN (TRIAGE_TEST_DNS_MISSING).
    public static let dnsMissing: String? = variable("TRIAGE_TEST_DNS_MISSING")
    /// A name outside the zone, which the server refuses: REFUSED (TRIAGE_TEST_DNS_REFUSED).
    public static let dnsRefused: String? = variable("TRIAGE_TEST_DNS_REFUSED")
    /// A name the server never answers for (TRIAGE_TEST_DNS_SILENT).
    public static let dnsSilent: String? = variable("TRIAGE_TEST_DNS_SILENT")

    /// The webhook receiver that records what alerting channels send, per hook name
    /// (`/hooks/NAME`, read back at `/requests/NAME`), such as `http://127.0.0.1:40125` (TRIAGE_TEST_RECEIVER).
    public static let receiver: String? = variable("TRIAGE_TEST_RECEIVER")
    /// The test Postfix, SMTP with STARTTLS and AUTH, such as `smtp://localhost:40125/` (TRIAGE_TEST_SMTP).
    public static let smtp: String? = variable("TRIAGE_TEST_SMTP")
    /// The test Postfix over implicit TLS, certificate from the test CA, offering no AUTH (TRIAGE_TEST_SMTPS).
    public static let smtps: String? = variable("TRIAGE_TEST_SMTPS")
    /// The test Dovecot's IMAP, with STARTTLS (TRIAGE_TEST_IMAP).
    public static let imap: String? = variable("TRIAGE_TEST_IMAP")
    /// The test Dovecot's IMAP over implicit TLS (TRIAGE_TEST_IMAPS).
    public static let imaps: String? = variable("TRIAGE_TEST_IMAPS")
    /// The test Dovecot's POP3, with STARTTLS (TRIAGE_TEST_POP3).
    public static let pop3: String? = variable("TRIAGE_TEST_POP3")
    /// The test Dovecot's POP3 over implicit TLS (TRIAGE_TEST_POP3S).
    public static let pop3s: String? = variable("TRIAGE_TEST_POP3S")
    /// The test mail user, an address whose mail Postfix delivers to Dovecot (TRIAGE_TEST_MAIL_USER).
    public static let mailUser: String? = variable("TRIAGE_TEST_MAIL_USER")
    /// That user's password, new each time the servers start (TRIAGE_TEST_MAIL_PASSWORD).
    public static let mailPassword: String? = variable("TRIAGE_TEST_MAIL_PASSWORD")
    /// The test mail domain: Postfix refuses its unknown addresses with 550, and accepts
    /// `blackhole@` but never delivers it (TRIAGE_TEST_MAIL_DOMAIN).
    public static let mailDomain: String? = variable("TRIAGE_TEST_MAIL_DOMAIN")
    /// A port on 127.0.0.1 that accepts connections and never sends a byte (TRIAGE_TEST_SILENT_PORT).
    public static let silentPort: Int? = variable("TRIAGE_TEST_SILENT_PORT").flatMap { Int($0) }

    // The cache servers of scripts/servers/20-cache.sh.
    /// Varnish in front of the cache origin (TRIAGE_TEST_CACHE_EDGE): `/long/` cached an hour,
    /// `/short/` a second, `/graced/` a second and then served stale while the origin is down.
    public static let cacheEdge: String? = variable("TRIAGE_TEST_CACHE_EDGE")
    /// The nginx behind it, reached directly (TRIAGE_TEST_CACHE_ORIGIN).
    public static let cacheOrigin: String? = variable("TRIAGE_TEST_CACHE_ORIGIN")
    /// The folder that origin serves: tests write pages into it (TRIAGE_TEST_CACHE_ORIGIN_ROOT).
    public static let cacheOriginRoot: String? = variable("TRIAGE_TEST_CACHE_ORIGIN_ROOT")
    /// `http://127.0.0.1:PORT/canary/`: a POST to a path under it writes its body into that
    /// folder at that path (TRIAGE_TEST_CACHE_CANARY_URL).
    public static let cacheCanaryURL: String? = variable("TRIAGE_TEST_CACHE_CANARY_URL")
    /// A second Varnish, origin and folder that only the serialized cache suite stops and restarts
    /// (TRIAGE_TEST_CACHE_STOPPABLE_EDGE, _ORIGIN, _ROOT).
    public static let stoppableEdge: String? = variable("TRIAGE_TEST_CACHE_STOPPABLE_EDGE")
    public static let stoppableOrigin: String? = variable("TRIAGE_TEST_CACHE_STOPPABLE_ORIGIN")
    public static let stoppableRoot: String? = variable("TRIAGE_TEST_CACHE_STOPPABLE_ROOT")
    /// A script that starts or stops one cache server: `control start|stop NAME|all`, NAME one of
    /// origin, varnish, canary, origin-stoppable, varnish-stoppable (TRIAGE_TEST_CACHE_CONTROL).
    public static let cacheControl: String? = variable("TRIAGE_TEST_CACHE_CONTROL")

    /// The headless Chromium binary of scripts/servers/70-chromium.sh, run by the tests that open
    /// the HTML report in a browser (TRIAGE_TEST_CHROMIUM).
    public static let chromium: String? = variable("TRIAGE_TEST_CHROMIUM")
    /// The throwaway PostgreSQL 15 cluster of scripts/servers/60-postgres.sh, superuser `postgres`
    /// with trust authentication, TLS offered with the test CA's certificate for localhost, such as
    /// `postgres://postgres@127.0.0.1:40127/postgres` (TRIAGE_TEST_POSTGRES). Tests create a database
    /// of their own on it and drop it afterwards.
    public static let postgres: String? = variable("TRIAGE_TEST_POSTGRES")

    /// Returns `value`, or throws an error that tells how to run the suite with its servers.
    public static func require(_ value: String?, _ name: String) throws -> String {
        guard let value else { throw MissingTestServer(variable: name) }
        return value
    }

    /// Returns `value`, or throws the same error as the `String` form.
    public static func require(_ value: Int?, _ name: String) throws -> Int {
        guard let value else { throw MissingTestServer(variable: name) }
        return value
    }

    private static func variable(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// A test needs a server whose address is not in the environment.
public struct MissingTestServer: Error, CustomStringConvertible {
    public var variable: String

    public var description: String {
        "\(variable) is not set: run the suite with scripts/test.sh, which starts the test servers"
    }
}
