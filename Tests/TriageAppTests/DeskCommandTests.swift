import Foundation
import Testing
import TriageTesting

/// The ticket desk as operators use it, through the `triage` executable on a real store.
@Suite(.serialized)
struct DeskCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func iso(_ value: Any?) -> Date? {
        (value as? String).flatMap { try? Date($0, strategy: .iso8601) }
    }

    @Test func aCatalogueCaseDecidesCodeDeadlineAndFee() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let opened = try workspace.triage.run([
            "tickets", "open", "--case", "restore-database-backup", "--customer", "acme",
            "--summary", "restore yesterday's dump", "--by", "ana", "--format", "json",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let ticket = try json(opened.stdout)
        #expect(ticket["code"] as? String == "RED")
        #expect(ticket["case"] as? String == "restore-database-backup")
        #expect(ticket["source"] as? String == "manual")
        let openedAt = try #require(iso(ticket["openedAt"]))
        #expect(iso(ticket["deadline"]) == openedAt.addingTimeInterval(15 * 60))
        for field in ["id", "status", "customer", "target", "check", "summary", "notBefore", "takenAt", "takenBy",
                      "resolvedAt", "resolution", "cause", "fee", "outcome", "events"] {
            #expect(ticket.keys.contains(field), "JSON has \(field)")
        }
        let id = "\(try #require(ticket["id"] as? Int))"
        let resolved = try workspace.triage.run([
            "tickets", "resolve", id, "--cause", "provider", "--note", "restored", "--by", "ana", "--format", "json",
        ])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let done = try json(resolved.stdout)
        #expect((done["fee"] as? [String: Any])?["amount"] as? String == "40.00")
        #expect(done["outcome"] as? String == "met")
        let kinds = (done["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["opened", "taken", "resolved"])
    }

    @Test func refusedActionsExplainThemselvesAndChangeNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let unknown = try workspace.triage.run(["tickets", "take", "999", "--by", "ana"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("ticket 999 does not exist"))
        let green = try json(try workspace.triage.run([
            "tickets", "open", "--code", "GREEN", "--customer", "acme", "--summary", "new subdomain", "--by", "ana", "--format", "json",
        ]).stdout)
        let id = "\(try #require(green["id"] as? Int))"
        let early = try workspace.triage.run(["tickets", "take", id, "--by", "ana"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("is not to be started before"))
        #expect(early.stderr.contains("--override --reason"))
        let trail = try json(try workspace.triage.run(["tickets", "show", id, "--format", "json"]).stdout)
        #expect((trail["events"] as? [Any])?.count == 1, "the refused take wrote nothing")
        let forced = try workspace.triage.run(["tickets", "take", id, "--override", "--reason", "customer waiting", "--by", "ana"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("early, override"))
        let again = try workspace.triage.run(["tickets", "resolve", id, "--cause", "customer", "--note", "x", "--surcharge", "30", "--by", "ana"])
        #expect(again.status != 0)
        let refuse = try workspace.triage.run(["tickets", "refuse", id, "--reason", "no", "--by", "ana"])
        #expect(refuse.stderr.contains("only WHITE tickets can be refused"))
        let noAuthor = try workspace.triage.run(["tickets", "comment", id, "--text", "hello", "--by", ""])
        #expect(noAuthor.status != 0)
    }

    @Test func twoProcessesTakingOneTicketAtOnceMakeOneOwner() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let red = try json(try workspace.triage.run([
            "tickets", "open", "--case", "site-down", "--customer", "acme", "--summary", "shop down", "--by", "ana", "--format", "json",
        ]).stdout)
        let id = "\(try #require(red["id"] as? Int))"
        let racers = try ["ana", "bob", "eve", "joe"].map { name in
            try workspace.triage.start(["tickets", "take", id, "--by", name], log: "take-\(name).log")
        }
        for racer in racers { racer.waitUntilExit() }
        #expect(racers.filter { $0.terminationStatus == 0 }.count == 1)
        let losers = ["ana", "bob", "eve", "joe"].map { workspace.read("take-\($0).log") }.filter { $0.contains("is taken") }
        #expect(losers.count == 3, "\(losers)")
        let shown = try json(try workspace.triage.run(["tickets", "show", id, "--format", "json"]).stdout)
        let takes = (shown["events"] as? [[String: Any]])?.filter { $0["kind"] as? String == "taken" }
        #expect(takes?.count == 1)
        #expect(takes?.first?["actor"] as? String == shown["takenBy"] as? String)
    }

    @Test func theQueueOrdersRedThenYellowThenOpenedWindows() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        func open(_ arguments: [String]) throws -> Int {
            let output = try workspace.triage.run(["tickets", "open", "--customer", "acme", "--by", "ana", "--format", "json"] + arguments)
            return try #require(try json(output.stdout)["id"] as? Int)
        }
        let yellow = try open(["--case", "lost-ftp-password", "--summary", "ftp"])
        let green = try open(["--code", "GREEN", "--summary", "later"])
        let red = try open(["--case", "site-down", "--summary", "down"])
        let output = try workspace.triage.run(["queue", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        let ids = entries.compactMap { ($0["ticket"] as? [String: Any])?["id"] as? Int }
        #expect(ids == [red, yellow], "GREEN \(green) waits for its window")
        let text = try workspace.triage.run(["queue"])
        #expect(text.stdout.contains("1 deferred ticket waits for its window"))
    }
}
