import TriageCore

/// `policy:` in `config/triage.yml`: one entry per code that differs from the published policy.
///
/// ```yaml
/// policy:
///   GREEN: {deadline: 4d, notBefore: 48h}
/// ```
/// An entry replaces its code's rule whole (leaving `notBefore` out removes the window); codes
/// left out keep ``Policy/standard``.
extension Policy {
    static func decode(_ cursor: NodeCursor) -> Policy {
        var codes = Policy.standard.codes
        guard let map = cursor.mapping(allowedKeys: TriageCode.allCases.map(\.rawValue)) else { return .standard }
        for code in TriageCode.allCases {
            if let entry = map[code.rawValue], let rule = CodePolicy.decode(entry) {
                codes[code] = rule
            }
        }
        return Policy(codes: codes)
    }
}

extension CodePolicy {
    /// One code's rule; nil when its deadline is missing or wrong (the error is recorded).
    static func decode(_ cursor: NodeCursor) -> CodePolicy? {
        guard let map = cursor.mapping(allowedKeys: ["deadline", "notBefore"]) else { return nil }
        let deadline = map.required("deadline", example: "24h")?.duration(atLeast: .seconds(1))
        let notBeforeCursor = map["notBefore"]
        let notBefore = notBeforeCursor?.duration(atLeast: .seconds(1))
        guard let deadline else { return nil }
        if let notBefore, let notBeforeCursor, notBefore >= deadline {
            let window = DurationSyntax.format(notBefore)
            notBeforeCursor.fail(
                "\(window) is not shorter than the deadline (\(DurationSyntax.format(deadline))), so no time is left to start the work; "
                    + "make notBefore shorter than the deadline, or leave it out"
            )
        }
        return CodePolicy(deadline: deadline, notBefore: notBefore)
    }
}
