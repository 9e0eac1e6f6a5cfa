import Scheduler

/// What a configuration reload did: applied (with what changed), or rejected with the errors
/// of the files as read, the configuration in force left exactly as it was.
public enum ReloadOutcome: Sendable, Hashable {
    case applied(ConfigChanges)
    /// Every problem found, as `file:line: key.path: message; fix` lines (or why the store could not be read).
    case rejected(errors: [String])

    /// One paragraph for a log line or an admin's screen.
    public var summary: String {
        switch self {
        case .applied(let changes): "configuration reloaded: \(changes.summary)"
        case .rejected(let errors): "configuration rejected, the previous one stays in force:\n" + errors.joined(separator: "\n")
        }
    }
}

/// What an applied reload changed, and what it could not change without a restart.
public struct ConfigChanges: Sendable, Hashable {
    public var checks: CheckSetChange
    /// The notification settings (channels, routes, escalation, retries) were replaced.
    public var notify: Bool
    /// Deadlines (policy, support plans), the reopen window or maintenance windows changed.
    public var incidents: Bool
    /// The retention of probe results changed (applied at the next pruning pass).
    public var retention: Bool
    /// Settings that changed in the files but stay as they were until `triage run` restarts,
    /// such as `store`, `inbound.listen`, `scheduler.concurrency`, `cluster.lease`.
    public var needsRestart: [String]

    public var summary: String {
        var parts = [
            "checks \(checks.added.count) added, \(checks.removed.count) removed, \(checks.changed.count) changed, "
                + "\(checks.unchanged) unchanged"
        ]
        if notify { parts.append("notification settings replaced") }
        if incidents { parts.append("deadlines, reopen window or maintenance windows replaced") }
        if retention { parts.append("result retention replaced") }
        if !needsRestart.isEmpty { parts.append("needs a restart: " + needsRestart.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
