import TriageCore

/// `policy:` in `config/triage.yml` and in a customer's probe file (its custom support plan): one
/// entry per code that differs from the policy below it.
///
/// ```yaml
/// policy:
///   GREEN: {deadline: 4d, notBefore: 48h}
/// ```
/// Both places go through this one decoder, so a plan is written, validated and reported exactly
/// like the settings' policy. An entry replaces its code's rule whole (leaving `notBefore` out
/// removes the window); codes left out keep `base`'s rule: ``Policy/standard`` for the settings,
/// the settings' policy for a customer's plan.
extension Policy {
    /// `base` with the entries written at `cursor` applied; a wrong entry keeps `base`'s rule and is reported.
    static func decode(_ cursor: NodeCursor, over base: Policy) -> Policy {
        var codes = base.codes
        guard let map = cursor.mapping(allowedKeys: TriageCode.allCases.map(\.rawValue)) else { return base }
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
