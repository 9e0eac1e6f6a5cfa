import TriageCore

/// `catalogue:` in `config/triage.yml`: the list of typical cases.
///
/// ```yaml
/// catalogue:
///   - id: site-down
///     title: Website down or not visible
///     code: RED
///     fee: free
///     customerFault: {min: 20, max: 50}
/// ```
extension Catalogue {
    static let caseKeys = ["id", "title", "code", "fee", "customerFault"]
    /// The cases automatic detection files incidents under: a catalogue without them is unusable.
    static let requiredCases: [(id: CaseID, title: String)] = [
        (.siteDown, "Website down or not visible"),
        (.slowLoad, "Website with load times over 10 seconds"),
        (.repeated5xx, "Repeated 5xx errors"),
    ]

    /// The catalogue at `cursor`; nil when it is not a list (the error is recorded).
    static func decode(_ cursor: NodeCursor) -> Catalogue? {
        guard let items = cursor.list() else { return nil }
        var cases: [CatalogueCase] = []
        var firstUse: [CaseID: NodeCursor] = [:]
        for item in items {
            guard let map = item.mapping(allowedKeys: caseKeys) else { continue }
            let idCursor = map.required("id", example: "site-down")
            let id = idCursor?.identifier(example: "site-down").map(CaseID.init(rawValue:))
            if let id, let idCursor {
                if let first = firstUse[id] {
                    idCursor.fail("\"\(id)\" is already the id of \(first.reference); give each case its own id")
                } else {
                    firstUse[id] = item
                }
            }
            if let id, let entry = decodeCase(map, id: id) { cases.append(entry) }
        }
        for required in requiredCases where firstUse[required.id] == nil {
            cursor.fail(
                "has no case \"\(required.id)\", which automatic detection files incidents under; "
                    + "add it, such as - {id: \(required.id), title: \(required.title), code: RED, fee: free}"
            )
        }
        return Catalogue(cases)
    }

    /// The rest of one case once its id is known; nil when any part is wrong (each error is recorded).
    private static func decodeCase(_ map: MapCursor, id: CaseID) -> CatalogueCase? {
        let title = map.required("title", example: "Website down or not visible")?.nonEmptyString(example: "Website down")
        let codes = TriageCode.allCases.map(\.rawValue)
        let code = map.required("code", example: "RED")?.choice(codes, noun: "a code").flatMap(TriageCode.init(rawValue:))
        let fee = map.required("fee", example: "40")?.fee()
        var surcharge: ClosedRange<Money>?
        var surchargeIsValid = true
        if let cursor = map["customerFault"] {
            surcharge = cursor.mapping(allowedKeys: ["min", "max"]).flatMap(cursor.amountRange)
            surchargeIsValid = surcharge != nil
        }
        guard let title, let code, let fee, surchargeIsValid else { return nil }
        return CatalogueCase(id: id, title: title, code: code, fee: fee, customerFaultSurcharge: surcharge)
    }
}
