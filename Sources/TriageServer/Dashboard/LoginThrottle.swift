import Foundation
import TriageCore

/// Slows password guessing at the login form: after ``limit`` failed attempts for one username,
/// or from one client address, within ``window``, further attempts are refused (429) until the
/// oldest of those failures leaves the window. Counting by name protects an account from a
/// botnet; counting by address stops one client trying many names. Time is the injected clock's.
actor LoginThrottle {
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    private let clock: any TriageClock
    /// Failure times by key (`user:NAME`, `addr:IP`), oldest first, only those within the window.
    private var failures: [String: [Date]] = [:]

    init(clock: any TriageClock) {
        self.clock = clock
    }

    /// Whole seconds until an attempt for `username` from `address` is allowed again; nil when it is now.
    func retryAfter(username: String, address: String) -> Int? {
        let now = clock.now
        let waits = Self.keys(username, address).compactMap { key -> TimeInterval? in
            let recent = prune(key, now: now)
            guard recent.count >= Self.limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(Self.window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    /// Counts a failed attempt against the username and the address.
    func recordFailure(username: String, address: String) {
        let now = clock.now
        if failures.count > Self.sweepAbove {
            for key in failures.keys { _ = prune(key, now: now) }
        }
        for key in Self.keys(username, address) {
            failures[key] = prune(key, now: now) + [now]
        }
    }

    /// A correct password clears the name's count (the address keeps its own, so one good
    /// account cannot be used to reset a guesser's count).
    func recordSuccess(username: String) {
        failures["user:" + username.lowercased()] = nil
    }

    /// Above this many keys, every key is pruned: names tried once and never again would otherwise stay.
    private static let sweepAbove = 10_000

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }

    private static func keys(_ username: String, _ address: String) -> [String] {
        ["user:" + username.lowercased(), "addr:" + address]
    }
}
