import Foundation
import Testing
@testable import TriageConfig

@Suite struct InvalidProbesTests {
    static let cases: [FixtureCase] = [
        FixtureCase("probes/bad-duration.yml", [
            "probes/bad-duration.yml:11: sites[2].checks[0].interval: must be between 1s and 1d, not 500ms",
            "probes/bad-duration.yml:12: sites[2].checks[0].timeout: \"90x\" is not a duration; write a number with a unit, such as 30s, 5m or 1h",
        ]),
        FixtureCase("probes/check-slow.yml", [
            "probes/check-slow.yml:7: sites[0].checks[0].detection.downAfter: must be between 1 and 100, not 0",
            "probes/check-slow.yml:10: sites[0].checks[1].detection.slowAfter: 40s is not shorter than the timeout (30s): a page slower than slowAfter would time out and count as down, never as slow; lower it below 30s or raise the timeout",
            "probes/check-slow.yml:13: sites[0].checks[2].detection.warnAfter: 12s must be shorter than slowAfter (10s); a load over slowAfter is already RED slow-load",
            "probes/check-slow.yml:18: sites[1].checks[0].detection.warnAfter: 3s must be shorter than slowAfter (2s); a load over slowAfter is already RED slow-load",
        ]),
        FixtureCase("probes/content.yml", [
            "probes/content.yml:6: sites[0].checks[0].content.requires: is empty; list at least one text the real page always shows, such as [\"Acme Shop\"]",
            "probes/content.yml:7: sites[0].checks[1].content.forbid: unknown key; did you mean \"forbids\"? allowed keys: path, url, requires, forbids, maxBodyBytes, caFile, baseline",
            "probes/content.yml:9: sites[0].checks[2].content.forbids: is a mapping; write a list, one \"- \" item per line or [a, b]",
            "probes/content.yml:11: sites[0].checks[3].content.requires[1]: is a list; write text, such as Acme Shop",
            "probes/content.yml:11: sites[0].checks[3].content.forbids[0]: is a list; write text, such as hacked by",
            "probes/content.yml:13: sites[0].checks[4].content.requires: is required; add it, such as requires: [\"Acme Shop\"]",
            "probes/content.yml:15: sites[0].checks[5].content.interval: is not allowed here; interval belongs to the check: write it beside content:, not inside it",
            "probes/content.yml:17: sites[0].checks[6].content.baseline.digest: is not a page digest; run triage baseline CHECK and paste the digest it prints",
            "probes/content.yml:17: sites[0].checks[6].content.baseline.maxChange: \"30\" is not a percentage between 0% and 100%; write a number followed by %, such as 30%",
            "probes/content.yml:19: sites[0].checks[7].content.baseline.form: unknown key; did you mean \"from\"? allowed keys: digest, maxChange, from, to",
            "probes/content.yml:19: sites[0].checks[7].content.baseline.digest: is required; add it, such as digest: mh1:... (run triage baseline CHECK and paste the digest it prints)",
            "probes/content.yml:19: sites[0].checks[7].content.baseline.maxChange: \"130%\" is not a percentage between 0% and 100%; write a number followed by %, such as 30%",
        ]),
        FixtureCase("probes/customer.yml", [
            "probes/customer.yml:1: customer: \"Acme Shop\" is not a valid name; use lowercase letters, digits and dashes (not first or last), such as acme",
        ]),
        FixtureCase("probes/dns.yml", [
            "probes/dns.yml:6: sites[0].checks[0].dns.type: \"MXX\" is not a record type; did you mean \"MX\"? use one of A, AAAA, CNAME, MX, TXT, NS",
            "probes/dns.yml:7: sites[0].checks[1].dns.expect: is empty; list the records the answer must hold, such as [192.0.2.10], or remove expect: to accept any A record",
            "probes/dns.yml:9: sites[0].checks[2].dns.expect[0]: \"192.0.2.300\" is not an IPv4 address; write it as a zone file does, such as 192.0.2.10",
            "probes/dns.yml:9: sites[0].checks[2].dns.expect[1]: \"2001:db8::1\" is not an IPv4 address; write it as a zone file does, such as 192.0.2.10",
            "probes/dns.yml:11: sites[0].checks[3].dns.expect[0]: \"mail server.example.com\" is not a mail server, with its preference first if it matters; write it as a zone file does, such as 10 mail.example.com",
            "probes/dns.yml:11: sites[0].checks[3].dns.expect[1]: \"70000 mail.example.com\" is not a mail server, with its preference first if it matters; write it as a zone file does, such as 10 mail.example.com",
            "probes/dns.yml:13: sites[0].checks[4].dns.name: \"www..example.com\" is not a domain name; write labels of letters, digits and dashes joined by dots, such as www.example.com",
            "probes/dns.yml:13: sites[0].checks[4].dns.expect[0]: \"-bad-.example.com\" is not a domain name; write it as a zone file does, such as www.example.com",
            "probes/dns.yml:15: sites[0].checks[5].dns.server: \"ns1.example.com\" is not a name server address; write an IP address with an optional port, such as 192.0.2.53, 127.0.0.1:5353 or [2001:db8::53]:53",
            "probes/dns.yml:17: sites[0].checks[6].dns.server: \"127.0.0.1:70000\" has port 70000; write a port between 1 and 65535, such as 127.0.0.1:53",
            "probes/dns.yml:19: sites[0].checks[7].dns.record: unknown key; allowed keys: name, type, expect, server",
            "probes/dns.yml:19: sites[0].checks[7].dns.timeout: is not allowed here; timeout belongs to the check: write it beside dns:, not inside it",
            "probes/dns.yml:23: sites[1].checks[0].dns: has no name to resolve; add name:, such as name: www.example.com, or url: to the site",
        ]),
        FixtureCase("probes/duplicates.yml", [
            "probes/duplicates.yml:7: sites[0].checks[1]: check id \"acme/www/http\" is already used by sites[0].checks[0] (line 6); give each check of a site its own name:, such as name: home",
            "probes/duplicates.yml:8: sites[1].name: \"www\" is already the name of sites[0] (line 3); target ids (acme/www) must be unique: rename one of them",
            "probes/duplicates.yml:14: sites[1].checks[1].name: check id \"acme/www/home\" is already used by sites[1].checks[0] (line 11); give each check of a site its own name:, such as name: home",
        ]),
        FixtureCase("probes/empty-checks.yml", [
            "probes/empty-checks.yml:5: sites[0].checks: is empty; list at least one check, or remove checks: to get one http check of the site's url",
        ]),
        FixtureCase("probes/empty.yml", [
            "probes/empty.yml: is empty; write customer: and sites:, as in probes/acme.yml.example",
        ]),
        FixtureCase("probes/http-values.yml", [
            "probes/http-values.yml:7: sites[0].checks[0].http.method: \"get\" is not an HTTP method; did you mean \"GET\"? use one of GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH",
            "probes/http-values.yml:8: sites[0].checks[0].http.status[1]: must be between 100 and 599, not 700",
            "probes/http-values.yml:9: sites[0].checks[0].http.contains: is empty; write text, such as Welcome",
            "probes/http-values.yml:10: sites[0].checks[0].http.notContains: is a mapping; write a list, one \"- \" item per line or [a, b]",
            "probes/http-values.yml:11: sites[0].checks[0].http.maxRedirects: must be between 0 and 20, not 50",
            "probes/http-values.yml:12: sites[0].checks[0].http.maxBodyBytes: \"1MB\" is not a size; write a number of bytes, or a number with KiB, MiB or GiB, such as 64KiB or 1MiB",
            "probes/http-values.yml:13: sites[0].checks[0].http.headers.X Probe: \"X Probe\" is not a header name; use letters, digits and dashes, such as X-Probe",
            "probes/http-values.yml:13: sites[0].checks[0].http.headers.X-Multi: spans several lines; a header value is one line",
            "probes/http-values.yml:14: sites[0].checks[0].http.verifyTLS: \"yes\" is not true or false; write true or false",
        ]),
        FixtureCase("probes/kinds.yml", [
            "probes/kinds.yml:6: sites[0].checks[0].ping: unknown key; a check has one kind key (known kinds: http, tcp, tls, content, page, dns, smtp, imap, pop3, mail, cache) and the options name, interval, timeout, detection, confirm",
            "probes/kinds.yml:7: sites[0].checks[1].htp: unknown key; did you mean \"http\"? a check has one kind key (known kinds: http, tcp, tls, content, page, dns, smtp, imap, pop3, mail, cache) and the options name, interval, timeout, detection, confirm",
            "probes/kinds.yml:8: sites[0].checks[2]: has no check kind; add one, such as http: {path: /} (known kinds: http, tcp, tls, content, page, dns, smtp, imap, pop3, mail, cache)",
            "probes/kinds.yml:9: sites[0].checks[3]: has 2 kind keys (http, ping); a check runs one kind: split it into one check per kind",
            "probes/kinds.yml:10: sites[0].checks[3].ping: unknown key; a check has one kind key (known kinds: http, tcp, tls, content, page, dns, smtp, imap, pop3, mail, cache) and the options name, interval, timeout, detection, confirm",
            "probes/kinds.yml:13: sites[0].checks[4].intervl: unknown key; did you mean \"interval\"? a check has one kind key (known kinds: http, tcp, tls, content, page, dns, smtp, imap, pop3, mail, cache) and the options name, interval, timeout, detection, confirm",
            "probes/kinds.yml:15: sites[0].checks[5].http.timeout: is not allowed here; timeout belongs to the check: write it beside http:, not inside it",
        ]),
        FixtureCase("probes/missing-keys.yml", [
            "probes/missing-keys.yml:1: customer: is required; add it, such as customer: acme",
            "probes/missing-keys.yml:1: sites: is required; add it, such as sites: [{name: www, url: https://www.example.com/}]",
        ]),
        FixtureCase("probes/page.yml", [
            "probes/page.yml:6: sites[0].checks[0].page.maxAsset: unknown key; did you mean \"maxAssets\"? allowed keys: path, url, maxAssets",
            "probes/page.yml:7: sites[0].checks[1].page.maxAssets: must be between 1 and 200, not 0",
            "probes/page.yml:9: sites[0].checks[2].page.maxAssets: must be between 1 and 200, not 500",
            "probes/page.yml:11: sites[0].checks[3].page.warnAfter: is not allowed here; warnAfter belongs to the check's detection: write detection: {warnAfter: 5s} beside page:",
            "probes/page.yml:13: sites[0].checks[4].page.timeout: is not allowed here; timeout belongs to the check: write it beside page:, not inside it",
        ]),
        FixtureCase("probes/plan.yml", [
            "probes/plan.yml:3: policy.RED.deadline: must be at least 1s, not -10m",
            "probes/plan.yml:4: policy.GREEN.notBefore: 3d is not shorter than the deadline (2d), so no time is left to start the work; make notBefore shorter than the deadline, or leave it out",
            "probes/plan.yml:5: policy.Yellow: unknown key; did you mean \"YELLOW\"? allowed keys: RED, YELLOW, GREEN, WHITE",
        ]),
        FixtureCase("probes/syntax-error.yml", [
            "probes/syntax-error.yml:6: YAML syntax error at column 37: did not find expected ',' or ']' (while parsing a flow sequence at line 6); check the indentation, and quote values that contain \": \" or \" #\" or start with a special character",
        ]),
        FixtureCase("probes/tcp-tls.yml", [
            "probes/tcp-tls.yml:6: sites[0].checks[0].tcp.port: must be between 1 and 65535, not 70000",
            "probes/tcp-tls.yml:7: sites[0].checks[1].tcp.timeout: is not allowed here; timeout belongs to the check: write it beside tcp:, not inside it",
            "probes/tcp-tls.yml:9: sites[0].checks[2].tcp.port: is required; add it, such as port: 3306",
            "probes/tcp-tls.yml:11: sites[0].checks[3].tls: the site's url http://www.example.com/ is not https, so it has no certificate; write url: https://... here, or remove this check",
            "probes/tcp-tls.yml:11: sites[0].checks[3].tls.warnWithin: \"2 weeks\" is not a duration; write a number with a unit, such as 30s, 5m or 1h",
            "probes/tcp-tls.yml:12: sites[0].checks[4].tls.url: \"http://www.example.com/\" is not an https URL; a tls check reads the certificate of an https site, such as https://www.example.com/",
            "probes/tcp-tls.yml:14: sites[0].checks[5].tls.warnWitin: unknown key; did you mean \"warnWithin\"? allowed keys: url, warnWithin, caFile",
            "probes/tcp-tls.yml:18: sites[1].checks[0].tcp: has no host to connect to; add host:, such as host: db.example.com, or url: to the site",
            "probes/tcp-tls.yml:19: sites[1].checks[1].tls: has no URL to read the certificate of; add url: to the site, or write url: https://... here",
        ]),
        FixtureCase("probes/timeouts.yml", [
            "probes/timeouts.yml:3: defaults.timeout: 8s is not longer than detection.slowAfter (10s): a page slower than slowAfter would time out and count as down, never as slow; raise it above 10s or lower detection.slowAfter",
            "probes/timeouts.yml:11: sites[1].checks[0].timeout: must be between 1s and 120s, not 150s",
            "probes/timeouts.yml:14: sites[1].checks[1].timeout: 12s is not longer than detection.slowAfter (15s): a page slower than slowAfter would time out and count as down, never as slow; raise it above 15s or lower detection.slowAfter",
        ]),
        FixtureCase("probes/urls.yml", [
            "probes/urls.yml:4: sites[0].url: \"ftp://files.example.com/\" is not an http(s) URL; write a full URL with scheme and host, such as https://www.example.com/",
            "probes/urls.yml:8: sites[1].checks[0].http.path: \"health\" is not a path; write one that starts with a single /, such as /health",
            "probes/urls.yml:9: sites[1].checks[1].http.url: is written together with path; keep one: path is joined to the site's url, url replaces it",
            "probes/urls.yml:13: sites[2].checks[0].http.path: needs the site's url to join to; add url: to the site, or write a full url: here instead of path",
            "probes/urls.yml:14: sites[2].checks[1].http: has no URL to probe; add url: to the site, or write a full url: here",
            "probes/urls.yml:16: sites[3].url: is required when the site lists no checks; add it, such as url: https://www.example.com/, or list checks:",
        ]),
    ]

    @Test(arguments: cases)
    func reportsEveryErrorOfTheFixture(_ fixture: FixtureCase) throws {
        let yaml = try Paths.fixtureText(fixture.fixture)
        #expect(probeErrors(yaml, file: fixture.file) == fixture.messages)
    }

    @Test func everyProbeFixtureIsInTheTable() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("probes")).map { "probes/\($0)" }
        #expect(Set(names) == Set(Self.cases.map(\.fixture)))
    }
}
