import Foundation
import Testing
import TriageTesting

/// `triage` as a user runs it: validate, check, list tickets; exit codes and output.
@Suite(.serialized)
struct CommandLineTests {
    @Test func theShippedConfigurationIsValid() throws {
        let output = try TriageProcess(workingDirectory: Workspace.repository).run(["config", "validate"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("Configuration is valid: 4 targets, 4 checks, "), "\(output.stdout)")
        #expect(output.stdout.contains(" notification channels, 0 maintenance windows."))
    }

    @Test func configValidateListsEveryErrorWithFileLineAndKey() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("""
            customer: acme
            sites:
              - name: www
                url: ftp://example.test/
              - name: shop
                url: http://127.0.0.1/
                checks:
                  - http: {path: /}
                    interval: 90x
            """, to: "probes/acme.yml")
        let output = try workspace.triage.run(["config", "validate"])
        #expect(output.status == 1)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("probes/acme.yml:4: sites[0].url:") }, "\(output.stderr)")
        #expect(lines.contains { $0.hasPrefix("probes/acme.yml:9: sites[1].checks[0].interval:") }, "\(output.stderr)")
    }

    @Test func checkExitsZeroWhenEverySiteIsUpAndTwoOtherwise() throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let closed = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("""
            customer: acme
            sites:
              - name: up
                url: \(nginx)/ok
              - name: down
                url: http://127.0.0.1:\(closed)/
            """, to: "probes/acme.yml")
        let up = try workspace.triage.run(["check", "acme/up"])
        #expect(up.status == 0, "\(up.stdout)\(up.stderr)")
        #expect(up.stdout.contains("UP") && up.stdout.contains("acme/up/http"))
        let all = try workspace.triage.run(["check", "--format", "json"])
        #expect(all.status == 2)
        let results = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
        let down = results?.first { $0["check"] as? String == "acme/down/http" }
        #expect(down?["outcome"] as? String == "down")
        #expect(down?["failure"] as? String == "refused")
        #expect((down?["timings"] as? [String: Any])?["total"] is Double)
        let unknown = try workspace.triage.run(["check", "nobody"])
        #expect(unknown.status != 0 && unknown.stderr.contains("No check matches nobody"))
    }

    @Test func baselinePrintsYAMLThatTheCheckThenUses() throws {
        let nginx = try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX")
        let workspace = try Workspace()
        defer { workspace.remove() }
        func writeProbes(baseline: String) throws {
            let indented = baseline.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n")
            try workspace.write("""
                customer: acme
                sites:
                  - name: www
                    url: \(nginx)/article
                    checks:
                      - content:
                          requires: Welcome to Acme
                \(indented)
                        name: integrity
                      - content: {url: "\(nginx)/article-replaced", requires: Welcome to Acme}
                        name: replaced
                """, to: "probes/acme.yml")
        }
        try writeProbes(baseline: "")
        let printed = try workspace.triage.run(["baseline", "acme/www/integrity", "--max-change", "30%", "--from", "<main", "--to", "</main>"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("# acme/www/integrity: HTTP 200 in "), "\(printed.stdout)")
        #expect(printed.stdout.contains("\nbaseline:\n  digest: \"mh1:"))
        #expect(printed.stdout.contains("\n  maxChange: 30%\n  from: \"<main\"\n  to: \"</main>\""))
        try writeProbes(baseline: printed.stdout)
        let same = try workspace.triage.run(["check", "acme/www/integrity"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("0% of its text changed since the baseline (allowed 30%)"))

        let notContent = try workspace.triage.run(["baseline", "acme/www/replaced", "--max-change", "half"])
        #expect(notContent.status != 0)
        #expect(notContent.stderr.contains("--max-change half is not a percentage"), "\(notContent.stderr)")
    }

    @Test func ticketsListOnAnEmptyStoreSaysSo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let output = try workspace.triage.run(["tickets", "list", "--store", workspace.storePath])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("No tickets."))
        let json = try workspace.triage.run(["tickets", "list", "--store", workspace.storePath, "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any]
        #expect(parsed?.isEmpty == true)
    }
}
