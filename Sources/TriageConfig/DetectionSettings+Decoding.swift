import TriageCore

/// `detection:` in `config/triage.yml`, in a probe file's `defaults:` and in a check: each level
/// writes only the keys it changes, over the level above.
///
/// ```yaml
/// detection: {downAfter: 3, serverErrors: {count: 5}}
/// ```
extension DetectionSettings {
    static let keys = [
        "downAfter", "recoverAfter", "slowAfter", "slowAfterCount", "warnAfter", "serverErrors", "recheckDelay",
    ]

    /// `base` with the keys written at `cursor` applied; a wrong value keeps `base`'s and is reported.
    static func decode(_ cursor: NodeCursor, over base: DetectionSettings) -> DetectionSettings {
        var settings = base
        guard let map = cursor.mapping(allowedKeys: keys) else { return base }
        settings.downAfter = map["downAfter"]?.int(in: 1...100) ?? base.downAfter
        settings.recoverAfter = map["recoverAfter"]?.int(in: 1...100) ?? base.recoverAfter
        settings.slowAfter = map["slowAfter"]?.duration(atLeast: .milliseconds(100), atMost: .seconds(120)) ?? base.slowAfter
        settings.slowAfterCount = map["slowAfterCount"]?.int(in: 1...100) ?? base.slowAfterCount
        settings.warnAfter = map["warnAfter"]?.duration(atLeast: .milliseconds(100), atMost: .seconds(120)) ?? base.warnAfter
        checkWarnBelowSlow(settings, warnAfterAt: map["warnAfter"], slowAfterAt: map["slowAfter"])
        if let errors = map["serverErrors"]?.mapping(allowedKeys: ["count", "window"]) {
            settings.serverErrorCount = errors["count"]?.int(in: 1...1000) ?? base.serverErrorCount
            settings.serverErrorWindow = errors["window"]?.duration(atLeast: .seconds(1), atMost: .seconds(86_400))
                ?? base.serverErrorWindow
        }
        settings.recheckDelay = map["recheckDelay"]?.duration(atLeast: .zero, atMost: .seconds(300)) ?? base.recheckDelay
        return settings
    }

    /// A warning threshold at or over `slowAfter` would never warn before the RED slow-load: the
    /// error goes to whichever of the two was written at this level.
    private static func checkWarnBelowSlow(_ settings: DetectionSettings, warnAfterAt: NodeCursor?, slowAfterAt: NodeCursor?) {
        guard let warnAfter = settings.warnAfter, warnAfter >= settings.slowAfter else { return }
        let warnText = DurationSyntax.format(warnAfter)
        let slowText = DurationSyntax.format(settings.slowAfter)
        if let warnAfterAt {
            warnAfterAt.fail("\(warnText) must be shorter than slowAfter (\(slowText)); a load over slowAfter is already RED slow-load")
        } else if let slowAfterAt {
            slowAfterAt.fail("\(slowText) must be longer than warnAfter (\(warnText)); raise it, or lower warnAfter")
        }
    }
}
