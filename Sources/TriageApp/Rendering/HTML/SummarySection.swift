import TriageCore

/// The opening of the HTML report: the period in UTC, the customer, when it was made, and a
/// list of the parts it holds, each linking to its section.
struct SummarySection {
    var report: ManagerReport

    func render() -> String {
        let facts = [
            ("Period (UTC)", "\(HTMLText.utc(report.from)) to \(HTMLText.utc(report.to))"),
            ("Customer", report.customer ?? "all customers"),
            ("Generated (UTC)", HTMLText.utc(report.generatedAt)),
        ]
        let list = facts.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined()
        let parts: [(String, String, Bool)] = [
            ("uptime", "Uptime", report.uptime != nil), ("response-times", "Response times", report.responseTimes != nil),
            ("tickets", "Tickets and incidents", report.tickets != nil), ("deadlines", "Take-in-charge deadlines", report.deadlines != nil),
            ("fees", "Fees", report.fees != nil),
        ]
        let contents = parts.filter(\.2).map { "<li><a href=\"#\($0.0)\">\(HTMLText.escape($0.1))</a></li>" }.joined()
        return HTMLSection.render(id: "summary", title: "Summary", "<dl class=\"facts\">\(list)</dl><nav aria-label=\"Contents\"><ul class=\"contents\">\(contents)</ul></nav>")
    }
}
