import TriageCore

/// `confirm:` in a check or a probe file's `defaults:`: how many locations must see an outage.
///
/// ```yaml
/// confirm: {locations: 2, within: 60s}
/// ```
extension LocationConfirmation {
    static let keys = ["locations", "within"]
    static let locationRange = 1...10
    static let withinRange = Duration.seconds(5)...Duration.seconds(600)

    /// `base` with the keys written at `cursor` applied; a wrong value keeps `base`'s and is reported.
    static func decode(_ cursor: NodeCursor, over base: LocationConfirmation) -> LocationConfirmation {
        guard let map = cursor.mapping(allowedKeys: keys) else { return base }
        var confirm = base
        confirm.locations = map["locations"]?.int(in: locationRange) ?? base.locations
        confirm.within = map["within"]?.duration(atLeast: withinRange.lowerBound, atMost: withinRange.upperBound) ?? base.within
        return confirm
    }

    /// Other locations re-probe a suspected check with its own timeout: a window no longer than the
    /// timeout would end before a hanging server's re-probes do, and no outage could be confirmed.
    /// Each level (a file's `defaults:`, a check) checks what it ends with; the error goes to
    /// whichever of the two that level wrote, none when both came from the level above (it said so).
    static func checkWithinFits(_ confirm: LocationConfirmation, timeout: Duration, withinAt: NodeCursor?, timeoutAt: NodeCursor?) {
        guard confirm.locations > 1, confirm.within <= timeout else { return }
        let withinText = DurationSyntax.format(confirm.within)
        let timeoutText = DurationSyntax.format(timeout)
        let message = "\(withinText) must be longer than the check's timeout (\(timeoutText)), since other locations' "
            + "re-probes take up to the timeout; raise confirm.within, or lower timeout"
        if let withinAt {
            withinAt.fail(message)
        } else if let timeoutAt {
            timeoutAt.fail("\(timeoutText) must be shorter than confirm.within (\(withinText)); lower it, or raise confirm.within")
        }
    }
}
