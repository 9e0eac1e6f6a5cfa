/// The one rule that ties a probe's timeout to detection: the timeout must be longer than
/// `detection.slowAfter`, or a page slower than `slowAfter` is cut off by the timeout and counted
/// as down, and the slow-load case can never be raised.
enum TimeoutRule {
    /// Records an error when `timeout` is not longer than `slowAfter`, at the value the admin
    /// wrote at this level: the timeout when it was written here, else `slowAfter`. Nothing is
    /// recorded when neither was written here: the pair was checked where it was set.
    static func check(timeout: Duration, slowAfter: Duration, timeoutAt: NodeCursor?, slowAfterAt: NodeCursor?) {
        guard timeout <= slowAfter else { return }
        let timeoutText = DurationSyntax.format(timeout)
        let slowText = DurationSyntax.format(slowAfter)
        let why = "a page slower than slowAfter would time out and count as down, never as slow"
        if let timeoutAt {
            timeoutAt.fail(
                "\(timeoutText) is not longer than detection.slowAfter (\(slowText)): \(why); "
                    + "raise it above \(slowText) or lower detection.slowAfter"
            )
        } else if let slowAfterAt {
            slowAfterAt.fail(
                "\(slowText) is not shorter than the timeout (\(timeoutText)): \(why); lower it below \(timeoutText) or raise the timeout"
            )
        }
    }
}
