import TriageCore

/// The interval, timeout, detection thresholds and location confirmation a check starts from: the settings' defaults,
/// then the probe file's `defaults:`; a check's own keys override them last.
struct CheckDefaults {
    static let keys = ["interval", "timeout", "detection", "confirm"]
    static let intervalRange = Duration.seconds(1)...Duration.seconds(86_400)
    static let timeoutRange = Duration.seconds(1)...Duration.seconds(120)

    var interval: Duration
    var timeout: Duration
    var detection: DetectionSettings
    var confirm = LocationConfirmation.single

    init(settings: TriageSettings) {
        interval = settings.scheduler.defaultInterval
        timeout = settings.scheduler.defaultTimeout
        detection = settings.detection
    }

    /// These defaults with a file's `defaults:` applied; errors are recorded at `cursor`.
    func overridden(by cursor: NodeCursor) -> CheckDefaults {
        guard let map = cursor.mapping(allowedKeys: Self.keys) else { return self }
        let mark = cursor.errors.count
        var result = self
        result.interval = map["interval"]?.duration(atLeast: Self.intervalRange.lowerBound, atMost: Self.intervalRange.upperBound)
            ?? interval
        result.timeout = map["timeout"]?.duration(atLeast: Self.timeoutRange.lowerBound, atMost: Self.timeoutRange.upperBound)
            ?? timeout
        if let detection = map["detection"] { result.detection = DetectionSettings.decode(detection, over: self.detection) }
        if let confirm = map["confirm"] { result.confirm = LocationConfirmation.decode(confirm, over: self.confirm) }
        if cursor.errors.noneSince(mark) {
            TimeoutRule.check(
                timeout: result.timeout, slowAfter: result.detection.slowAfter,
                timeoutAt: map["timeout"], slowAfterAt: cursor.find("detection", "slowAfter")
            )
            LocationConfirmation.checkWithinFits(
                result.confirm, timeout: result.timeout, withinAt: cursor.find("confirm", "within") ?? map["confirm"],
                timeoutAt: map["timeout"]
            )
        }
        return result
    }
}
