import TriageCore

/// The catalogue for a terminal: id, code, fee and customer-fault surcharge of every case.
public struct CaseTable: Renderer {
    public init() {}

    public func render(_ cases: [CatalogueCase]) -> String {
        TextTable.render(
            header: ["CASE", "CODE", "FEE", "CUSTOMER FAULT", "TITLE"],
            rows: cases.map { entry in
                let surcharge = entry.customerFaultSurcharge.map { "\($0.lowerBound.decimalString) to \($0.upperBound)" } ?? "-"
                return [entry.id.rawValue, entry.code.rawValue, entry.fee.description, surcharge, entry.title]
            }
        )
    }
}
