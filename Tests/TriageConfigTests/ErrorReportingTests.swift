import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// How errors reach the admin: all at once, sorted, each located and with its fix.
@Suite struct ErrorReportingTests {
    @Test func descriptionLeavesOutWhatIsUnknown() {
        let located = ConfigError(file: "probes/a.yml", line: 3, keyPath: "sites[0].url", message: "m")
        #expect(located.description == "probes/a.yml:3: sites[0].url: m")
        #expect(ConfigError(file: "probes/a.yml", line: 3, keyPath: "", message: "m").description == "probes/a.yml:3: m")
        #expect(ConfigError(file: "probes/a.yml", line: nil, keyPath: "", message: "m").description == "probes/a.yml: m")
    }

    @Test func errorsAreSortedByFileThenLine() {
        let errors = ConfigErrors(errors: [
            ConfigError(file: "b.yml", line: 1, keyPath: "", message: "4"),
            ConfigError(file: "a.yml", line: 9, keyPath: "", message: "3"),
            ConfigError(file: "a.yml", line: 2, keyPath: "", message: "2"),
            ConfigError(file: "a.yml", line: nil, keyPath: "", message: "1"),
            ConfigError(file: "a.yml", line: 9, keyPath: "", message: "3 bis"),
        ])
        #expect(errors.errors.map(\.message) == ["1", "2", "3", "3 bis", "4"])
        #expect(errors.description == "a.yml: 1\na.yml:2: 2\na.yml:9: 3\na.yml:9: 3 bis\nb.yml:1: 4")
    }

    @Test func everyErrorOfAFileIsReportedAtOnce() {
        let yaml = "scheduler: {concurrency: 0, defaultInterval: 1x}\ndetection: {downAfter: -1}\nresults: {retention: 1m}\nextra: 1\n"
        #expect(settingsErrors(yaml) == [
            "config/triage.yml:1: scheduler.concurrency: must be between 1 and 10000, not 0",
            "config/triage.yml:1: scheduler.defaultInterval: \"1x\" is not a duration; write a number with a unit, such as 30s, 5m or 1h",
            "config/triage.yml:2: detection.downAfter: must be between 1 and 100, not -1",
            "config/triage.yml:3: results.retention: must be at least 1h, not 1m",
            "config/triage.yml:4: extra: unknown key; allowed keys: policy, store, scheduler, detection, results, incidents, catalogue, notify, inbound, cluster, dashboard",
        ])
    }

    @Test func aSyntaxErrorCarriesItsLine() {
        let yaml = "customer: acme\nsites:\n  - name: www\n    url: \"https://www.example.com/\n"
        do {
            _ = try ConfigLoader.parseProbes(yaml: yaml, file: "probes/acme.yml", settings: TriageSettings())
            Issue.record("an unterminated string parsed")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.file == "probes/acme.yml")
            #expect(error.errors.first?.line == 5)
            #expect(error.errors.first?.message.hasPrefix("YAML syntax error") == true)
        }
    }

    @Test func anUnknownKeySuggestsTheClosestAllowedOne() {
        let yaml = "customer: acme\nsites:\n  - name: www\n    url: https://www.example.com/\n    chekcs: []\n"
        #expect(probeErrors(yaml) == [
            "probes/acme.yml:5: sites[0].chekcs: unknown key; did you mean \"checks\"? allowed keys: name, url, checks",
        ])
    }

    @Test func aMissingSettingsFileNamesThePathAndTheFix() {
        do {
            _ = try ConfigLoader.loadSettings(at: "/nonexistent/triage.yml")
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.description == "/nonexistent/triage.yml: does not exist; create it (the commented config/triage.yml "
                + "shipped with Triage is a complete example) or give the path of an existing file")
        }
    }

    @Test func aMissingProbesFolderSaysHowToCreateIt() {
        do {
            _ = try ConfigLoader.loadProbes(directory: "/nonexistent/probes", settings: TriageSettings())
            Issue.record("a missing folder loaded")
        } catch {
            #expect(error.description == "/nonexistent/probes: is not a readable folder; create it and add one .yml file per customer "
                + "(see probes/acme.yml.example), or give the right folder")
        }
    }

    @Test func probeFilesAreCheckedTogetherAndACustomerHasOneFile() {
        let folder = Paths.fixture("duplicate-customer")
        do {
            _ = try ConfigLoader.loadProbes(directory: folder, settings: TriageSettings())
            Issue.record("duplicate customers loaded")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(folder)/b.yml:2: customer: \"acme\" is also the customer of \(folder)/a.yml:1; keep each customer's sites in one file",
                "\(folder)/c.yml:4: sites[0].url: \"not a url\" is not an http(s) URL; write a full URL with scheme and host, "
                    + "such as https://www.example.com/",
            ])
        }
    }

    @Test func loadsYmlAndYamlFilesSortedByName() throws {
        let probes = try loadProbes([
            "a.yml": "customer: zeta\nsites: [{name: www, url: 'https://z.example.com/'}]\n",
            "b.yaml": "customer: alpha\nsites: [{name: www, url: 'https://a.example.com/'}]\n",
            "c.yml.example": "customer: ignored\n",
        ], settings: TriageSettings())
        #expect(probes.targets.map(\.id) == ["zeta/www", "alpha/www"])
    }
}
