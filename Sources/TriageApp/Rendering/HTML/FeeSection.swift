import TriageCore

/// The fees part of the HTML report: exact sums per customer and case, as the text report
/// writes them, and the resolved tickets whose fee is still to be agreed.
struct FeeSection {
    var report: FeeReport

    func render() -> String {
        HTMLSection.render(id: "fees", title: "Fees", lines() + openItems())
    }

    private func lines() -> String {
        guard !report.lines.isEmpty else { return HTMLSection.note("Nothing billed for the tickets resolved in the period.") }
        return HTMLTable(
            caption: "Tickets resolved in the period, per customer and case",
            header: ["CUSTOMER", "CASE", "TICKETS", "FEES", "SURCHARGES", "TOTAL"],
            rows: report.lines.map { line in
                [line.customer, line.caseID?.rawValue ?? "-", String(line.tickets), line.fees.description,
                 line.surcharges.description, line.total.description]
            },
            numeric: [2, 3, 4, 5]
        ).render()
    }

    private func openItems() -> String {
        guard !report.openItems.isEmpty else { return "" }
        return HTMLTable(
            caption: "Fee to agree",
            header: ["TICKET", "CUSTOMER", "CASE", "BILLED"],
            rows: report.openItems.map { [String($0.ticketID), $0.customer, $0.caseID?.rawValue ?? "-", $0.basis] },
            numeric: [0]
        ).render()
    }
}
