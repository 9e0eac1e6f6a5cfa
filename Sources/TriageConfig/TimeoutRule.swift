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

extension TimeoutRule {
    /// A mail round trip ends at its check's timeout, so the timeout must be longer than the
    /// round trip's `warnAfter`, or a slow delivery would count as never delivered (RED) instead
    /// of slow (YELLOW). The error goes to the timeout when it was written on the check, else to
    /// `warnAfter` (or the `mail:` key when `warnAfter` is the default).
    static func check(timeout: Duration, warnAfter: Duration, timeoutAt: NodeCursor?, mailAt: NodeCursor?) {
        guard timeout <= warnAfter else { return }
        let timeoutText = DurationSyntax.format(timeout)
        let warnText = DurationSyntax.format(warnAfter)
        let why = "a delivery slower than warnAfter would time out and count as not delivered, never as slow"
        if let timeoutAt {
            timeoutAt.fail(
                "\(timeoutText) is not longer than mail.warnAfter (\(warnText)): \(why); raise it above \(warnText) or lower warnAfter"
            )
        } else if let warnAfterAt = mailAt?.find("warnAfter") {
            warnAfterAt.fail(
                "\(warnText) is not shorter than the check's timeout (\(timeoutText)): \(why); "
                    + "lower it or write a longer timeout: beside mail:"
            )
        } else {
            mailAt?.fail(
                "the round trip ends at the check's timeout (\(timeoutText)), which is not longer than warnAfter (\(warnText)): \(why); "
                    + "write timeout: 120s beside mail:, or a shorter warnAfter"
            )
        }
    }
}
