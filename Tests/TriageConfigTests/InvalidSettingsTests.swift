import Foundation
import Testing
@testable import TriageConfig

/// One invalid fixture and every message it must produce, pinned word for word in the style of
/// blackbox_exporter's `config_test.go`: a message that changes is a change admins will see.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    let fixture: String
    let messages: [String]

    init(_ fixture: String, _ messages: [String]) {
        self.fixture = fixture
        self.messages = messages
    }

    var testDescription: String { fixture }

    /// The name errors carry, as if the fixture were the admin's file.
    var file: String {
        let name = fixture.split(separator: "/").last.map(String.init) ?? fixture
        return fixture.hasPrefix("settings/") ? "config/\(name)" : "probes/\(name)"
    }
}

@Suite struct InvalidSettingsTests {
    static let cases: [FixtureCase] = [
        FixtureCase("settings/bad-duration.yml", [
            "config/bad-duration.yml:2: scheduler.defaultInterval: \"90x\" is not a duration; write a number with a unit, such as 30s, 5m or 1h",
            "config/bad-duration.yml:3: scheduler.defaultTimeout: \"30\" is not a duration; write a number with a unit, such as 30s, 5m or 1h",
            "config/bad-duration.yml:5: results.retention: \"1.5d\" is not a duration; write a number with a unit, such as 30s, 5m or 1h",
        ]),
        FixtureCase("settings/catalogue-case.yml", [
            "config/catalogue-case.yml:3: catalogue[1].code: is required; add it, such as code: RED",
            "config/catalogue-case.yml:4: catalogue[2].code: \"ORANGE\" is not a code; use one of RED, YELLOW, GREEN, WHITE",
            "config/catalogue-case.yml:5: catalogue[3].id: \"Restore Backup\" is not a valid name; use lowercase letters, digits and dashes (not first or last), such as site-down",
            "config/catalogue-case.yml:6: catalogue[4].id: \"site-down\" is already the id of catalogue[0] (line 2); give each case its own id",
            "config/catalogue-case.yml:7: catalogue[5].id: is required; add it, such as id: site-down",
        ]),
        FixtureCase("settings/catalogue-required.yml", [
            "config/catalogue-required.yml:3: catalogue: has no case \"slow-load\", which automatic detection files incidents under; add it, such as - {id: slow-load, title: Website with load times over 10 seconds, code: RED, fee: free}",
            "config/catalogue-required.yml:3: catalogue: has no case \"repeated-5xx\", which automatic detection files incidents under; add it, such as - {id: repeated-5xx, title: Repeated 5xx errors, code: RED, fee: free}",
        ]),
        FixtureCase("settings/cluster.yml", [
            "config/cluster.yml:2: cluster.lease: must be between 3s and 10m, not 1s",
            "config/cluster.yml:3: cluster.leese: unknown key; did you mean \"lease\"? allowed keys: lease",
        ]),
        FixtureCase("settings/duplicate-key.yml", [
            "config/duplicate-key.yml:1: key \"scheduler\" appears more than once in the same mapping; keep one of them",
        ]),
        FixtureCase("settings/fees.yml", [
            "config/fees.yml:2: catalogue[0].customerFault: min (50.00 EUR) is greater than max (20.00 EUR); swap them",
            "config/fees.yml:3: catalogue[1].fee: min (50.00 EUR) is greater than max (10.00 EUR); swap them",
            "config/fees.yml:4: catalogue[2].fee: \"40 EUR\" is not a fee; write free, quote, contract, unlisted, an amount such as 40 or 40.50, or one of {amount: 40}, {min: 10, max: 50}, {amount: 10, per: subdomain}, {amount: 20, or: quote}, {amount: 20, or: contract} or {instanceCostPlus: 50}",
            "config/fees.yml:5: catalogue[3].fee: \"fre\" is not a fee; did you mean \"free\"? write free, quote, contract, unlisted, an amount such as 40 or 40.50, or one of {amount: 40}, {min: 10, max: 50}, {amount: 10, per: subdomain}, {amount: 20, or: quote}, {amount: 20, or: contract} or {instanceCostPlus: 50}",
            "config/fees.yml:6: catalogue[4].fee: has the keys amount, min, which make no fee; write one of {amount: 40}, {min: 10, max: 50}, {amount: 10, per: subdomain}, {amount: 20, or: quote}, {amount: 20, or: contract} or {instanceCostPlus: 50}",
            "config/fees.yml:7: catalogue[5].fee.or: \"maybe\" is not an alternative to a fixed fee; use one of quote, contract",
            "config/fees.yml:8: catalogue[6].fee: \"40.555\" is not a fee; write free, quote, contract, unlisted, an amount such as 40 or 40.50, or one of {amount: 40}, {min: 10, max: 50}, {amount: 10, per: subdomain}, {amount: 20, or: quote}, {amount: 20, or: contract} or {instanceCostPlus: 50}",
            "config/fees.yml:9: catalogue[7].fee.per: is empty; write text, such as subdomain",
        ]),
        FixtureCase("settings/not-a-mapping.yml", [
            "config/not-a-mapping.yml:1: the file holds a list; write keys and values at the top level, such as policy:",
        ]),
        FixtureCase("settings/per-host.yml", [
            "config/per-host.yml:3: scheduler.perHostConcurrency: 8 is more than scheduler.concurrency (4); lower it to at most 4 or raise concurrency",
        ]),
        FixtureCase("settings/policy-deadline.yml", [
            "config/policy-deadline.yml:2: policy.RED.deadline: must be at least 1s, not 0s",
            "config/policy-deadline.yml:3: policy.YELLOW.deadline: must be at least 1s, not -5m",
            "config/policy-deadline.yml:4: policy.GREEN.deadline: is required; add it, such as deadline: 24h",
        ]),
        FixtureCase("settings/policy-not-before.yml", [
            "config/policy-not-before.yml:2: policy.GREEN.notBefore: 4d is not shorter than the deadline (4d), so no time is left to start the work; make notBefore shorter than the deadline, or leave it out",
            "config/policy-not-before.yml:3: policy.WHITE.notBefore: 14d is not shorter than the deadline (7d), so no time is left to start the work; make notBefore shorter than the deadline, or leave it out",
            "config/policy-not-before.yml:4: policy.red: unknown key; did you mean \"RED\"? allowed keys: RED, YELLOW, GREEN, WHITE",
        ]),
        FixtureCase("settings/scheduler-range.yml", [
            "config/scheduler-range.yml:2: scheduler.concurrency: must be between 1 and 10000, not 20000",
            "config/scheduler-range.yml:3: scheduler.perHostConcurrency: must be between 1 and 1000, not 0",
            "config/scheduler-range.yml:5: detection.downAfter: \"many\" is not a whole number; write digits only, such as 1",
            "config/scheduler-range.yml:6: detection.slowAfterCount: must be between 1 and 100, not 0",
            "config/scheduler-range.yml:7: detection.serverErrors.window: must be between 1s and 1d, not 0s",
            "config/scheduler-range.yml:9: incidents.reopenWithin: must be between 0s and 7d, not 30d",
        ]),
        FixtureCase("settings/slow-above-timeout.yml", [
            "config/slow-above-timeout.yml:2: detection.slowAfter: 45s is not shorter than the timeout (30s): a page slower than slowAfter would time out and count as down, never as slow; lower it below 30s or raise the timeout",
        ]),
        FixtureCase("settings/syntax-error.yml", [
            "config/syntax-error.yml:3: YAML syntax error at column 23: mapping values are not allowed in this context; check the indentation, and quote values that contain \": \" or \" #\" or start with a special character",
        ]),
        FixtureCase("settings/tab-indent.yml", [
            "config/tab-indent.yml:2: YAML syntax error at column 1: found character that cannot start any token (while scanning for the next token at line 2); indent with spaces, never tabs",
        ]),
        FixtureCase("settings/timeout-below-slow.yml", [
            "config/timeout-below-slow.yml:2: scheduler.defaultTimeout: 10s is not longer than detection.slowAfter (10s): a page slower than slowAfter would time out and count as down, never as slow; raise it above 10s or lower detection.slowAfter",
        ]),
        FixtureCase("settings/unknown-key.yml", [
            "config/unknown-key.yml:1: schedular: unknown key; did you mean \"scheduler\"? allowed keys: policy, store, scheduler, detection, results, incidents, catalogue, notify, inbound, cluster, dashboard",
            "config/unknown-key.yml:4: detection.downAftr: unknown key; did you mean \"downAfter\"? allowed keys: downAfter, recoverAfter, slowAfter, slowAfterCount, warnAfter, serverErrors, recheckDelay",
        ]),
        FixtureCase("settings/wrong-shapes.yml", [
            "config/wrong-shapes.yml:1: store: is a list; write text, such as var/triage.sqlite",
            "config/wrong-shapes.yml:2: scheduler: is text; write keys and values here (key: value)",
            "config/wrong-shapes.yml:4: detection.serverErrors: is text; write keys and values here (key: value)",
            "config/wrong-shapes.yml:6: catalogue: is a mapping; write a list, one \"- \" item per line or [a, b]",
        ]),
    ]

    @Test(arguments: cases)
    func reportsEveryErrorOfTheFixture(_ fixture: FixtureCase) throws {
        let yaml = try Paths.fixtureText(fixture.fixture)
        #expect(settingsErrors(yaml, file: fixture.file) == fixture.messages)
    }

    @Test func everySettingsFixtureIsInTheTable() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("settings")).map { "settings/\($0)" }
        #expect(Set(names) == Set(Self.cases.map(\.fixture)))
    }
}
