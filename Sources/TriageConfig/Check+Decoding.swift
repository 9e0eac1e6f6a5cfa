import TriageCore

/// One item of a site's `checks:`: exactly one kind key (`http:`) and the options below.
///
/// ```yaml
/// - http: {path: /health}
///   name: health
///   interval: 30s
///   timeout: 20s
///   detection: {downAfter: 3}
///   confirm: {locations: 2}
/// ```
extension Check {
    static let optionKeys = ["name", "interval", "timeout", "detection", "confirm"]

    /// The check and the cursor of its `name:` (nil when left out); nil when anything is wrong.
    static func decode(
        _ cursor: NodeCursor, targetID: String, customer: String, site: SiteContext, defaults: CheckDefaults
    ) -> (check: Check, nameAt: NodeCursor?)? {
        guard let map = cursor.mapping() else { return nil }
        let mark = cursor.errors.count
        let spec = kind(of: map, cursor: cursor, site: site)
        let nameAt = map["name"]
        let name = nameAt?.identifier(example: "home") ?? spec?.kindName
        let interval = map["interval"]?.duration(
            atLeast: CheckDefaults.intervalRange.lowerBound, atMost: CheckDefaults.intervalRange.upperBound
        ) ?? defaults.interval
        let timeoutAt = map["timeout"]
        let timeout = timeoutAt?.duration(
            atLeast: CheckDefaults.timeoutRange.lowerBound, atMost: CheckDefaults.timeoutRange.upperBound
        ) ?? defaults.timeout
        let detection = map["detection"].map { DetectionSettings.decode($0, over: defaults.detection) } ?? defaults.detection
        let confirm = map["confirm"].map { LocationConfirmation.decode($0, over: defaults.confirm) } ?? defaults.confirm
        guard let spec, let name, cursor.errors.noneSince(mark) else { return nil }
        TimeoutRule.check(
            timeout: timeout, slowAfter: detection.slowAfter, timeoutAt: timeoutAt, slowAfterAt: cursor.find("detection", "slowAfter")
        )
        if case .mail(let mail) = spec {
            TimeoutRule.check(timeout: timeout, warnAfter: mail.warnAfter, timeoutAt: timeoutAt, mailAt: cursor.find("mail"))
        }
        CacheCheckSpec.checkCanaryFits(spec, timeout: timeout, withinAt: cursor.find("cache", "canary", "within"))
        LocationConfirmation.checkWithinFits(confirm, timeout: timeout, withinAt: cursor.find("confirm", "within"), timeoutAt: timeoutAt)
        let check = Check(
            targetID: targetID, customer: customer, name: name, spec: spec,
            interval: interval, timeout: timeout, detection: detection, confirm: confirm
        )
        return (check, nameAt)
    }

    /// The check's one kind, decoded by its entry in ``CheckKinds``.
    ///
    /// A key that is neither an option nor a known kind is reported as unknown. When it is not a
    /// near miss of an option either, it is most likely a kind (`tcp:`), so it also counts
    /// towards "exactly one kind key".
    private static func kind(of map: MapCursor, cursor: NodeCursor, site: SiteContext) -> CheckSpec? {
        let known = CheckKinds.names
        let allowedText = "a check has one kind key (known kinds: \(known.joined(separator: ", "))) "
            + "and the options \(optionKeys.joined(separator: ", "))"
        var kinds: [MapCursor.Entry] = []
        for entry in map.entries where !optionKeys.contains(entry.key) {
            if known.contains(entry.key) {
                kinds.append(entry)
                continue
            }
            map.reportUnknown(entry, allowed: known + optionKeys, allowedText: allowedText)
            if KeySuggestion.closest(to: entry.key, among: optionKeys) == nil { kinds.append(entry) }
        }
        guard kinds.count == 1, let entry = kinds.first else {
            if kinds.isEmpty {
                cursor.fail("has no check kind; add one, such as http: {path: /} (known kinds: \(known.joined(separator: ", ")))")
            } else {
                let names = kinds.map(\.key).joined(separator: ", ")
                cursor.fail("has \(kinds.count) kind keys (\(names)); a check runs one kind: split it into one check per kind")
            }
            return nil
        }
        return CheckKinds.decoder(named: entry.key)?(entry.value, site)
    }
}
