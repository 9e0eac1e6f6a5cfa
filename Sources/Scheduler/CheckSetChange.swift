import TriageCore

/// What replacing the scheduler's checks did, by check id, so a reload can say what changed.
public struct CheckSetChange: Sendable, Hashable {
    /// Checks new to the set: scheduled at their stable offset from the reload.
    public var added: [String] = []
    /// Checks no longer configured: never probed again; their open incidents stay as they are.
    public var removed: [String] = []
    /// Checks whose settings changed: rescheduled, detection resumed from the store's open incidents.
    public var changed: [String] = []
    /// Checks left exactly as they were, with their place on the grid and their detection streaks.
    public var unchanged = 0

    public init(added: [String] = [], removed: [String] = [], changed: [String] = [], unchanged: Int = 0) {
        self.added = added
        self.removed = removed
        self.changed = changed
        self.unchanged = unchanged
    }

    /// Whether anything was added, removed or changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}
