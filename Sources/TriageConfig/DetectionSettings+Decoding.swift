import TriageCore

/// `detection:` in `config/triage.yml`, in a probe file's `defaults:` and in a check: each level
/// writes only the keys it changes, over the level above.
///
/// ```yaml
/// detection: {downAfter: 3, serverErrors: {count: 5}}
/// ```
extension DetectionSettings {
    static let keys = ["downAfter", "recoverAfter", "slowAfter", "slowAfterCount", "serverErrors", "recheckDelay"]

    /// `base` with the keys written at `cursor` applied; a wrong value keeps `base`'s and is reported.
    static func decode(_ cursor: NodeCursor, over base: DetectionSettings) -> DetectionSettings {
        var settings = base
        guard let map = cursor.mapping(allowedKeys: keys) else { return base }
        settings.downAfter = map["downAfter"]?.int(in: 1...100) ?? base.downAfter
        settings.recoverAfter = map["recoverAfter"]?.int(in: 1...100) ?? base.recoverAfter
        settings.slowAfter = map["slowAfter"]?.duration(atLeast: .milliseconds(100), atMost: .seconds(120)) ?? base.slowAfter
        settings.slowAfterCount = map["slowAfterCount"]?.int(in: 1...100) ?? base.slowAfterCount
        if let errors = map["serverErrors"]?.mapping(allowedKeys: ["count", "window"]) {
            settings.serverErrorCount = errors["count"]?.int(in: 1...1000) ?? base.serverErrorCount
            settings.serverErrorWindow = errors["window"]?.duration(atLeast: .seconds(1), atMost: .seconds(86_400))
                ?? base.serverErrorWindow
        }
        settings.recheckDelay = map["recheckDelay"]?.duration(atLeast: .zero, atMost: .seconds(300)) ?? base.recheckDelay
        return settings
    }
}
