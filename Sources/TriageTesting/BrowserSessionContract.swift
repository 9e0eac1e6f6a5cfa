import Foundation
import TicketStore
import TriageCore

/// The promises every `BrowserSessionStore` backend keeps: a session is found by digest with all
/// its fields until it has been idle for the limit (on the caller's clock, checked with a test
/// clock, never by sleeping), a touch restarts its idle time and never moves it back, and closing
/// one session, an account's sessions, or the idle ones removes exactly those.
///
/// ```swift
/// @Test(arguments: BrowserSessionContract.all)
/// func sessions(name: String, run: @Sendable (BrowserSessionContract.StoreFactory) async throws -> Void) async throws {
///     try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
/// }
/// ```
public enum BrowserSessionContract {
    public typealias Store = any TicketStore & AccountStore & BrowserSessionStore
    /// Opens a new, unmigrated store.
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> Store
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    public static let all: [Check] = [
        ("a session is found by digest with its fields until idle for the limit; a touch restarts its idle time", idleExpiry),
        ("closing one session, or an account's sessions, removes exactly those", closing),
        ("pruning removes the sessions idle at the cutoff and no others", pruning),
    ]

    static let limit: TimeInterval = 12 * 3600

    /// A migrated store with accounts ana and bo.
    static func opened(_ makeStore: StoreFactory, _ clock: TestClock) async throws -> Store {
        let store = try await makeStore(clock)
        try await store.migrate()
        for name in ["ana", "bo"] {
            try await store.addAccount(NewAccount(name: name, role: .ops, passwordHash: "h", at: clock.now))
        }
        return store
    }

    static func record(_ digest: String, _ account: String, at instant: Date) -> BrowserSessionRecord {
        BrowserSessionRecord(digest: digest, account: account, csrfToken: "csrf-\(digest)", createdAt: instant, lastSeenAt: instant)
    }

    static func idleExpiry(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        let opened = record("s1", "ana", at: clock.now)
        try await store.openSession(opened)
        try Expect.equal(try await store.session(digest: "s1", idleLimit: limit, at: clock.now), opened, "session s1 as read back")
        try Expect.that(try await store.session(digest: "s2", idleLimit: limit, at: clock.now) == nil, "an unknown digest finds nothing")
        clock.advance(by: .seconds(11 * 3600))
        try await store.touchSession(digest: "s1", at: clock.now)
        let touched = clock.now
        try await store.touchSession(digest: "s1", at: touched.addingTimeInterval(-60))
        try Expect.equal(try await store.session(digest: "s1", idleLimit: limit, at: clock.now)?.lastSeenAt, touched, "last seen (never moved back)")
        clock.advance(by: .seconds(12 * 3600 - 1))
        try Expect.that(try await store.session(digest: "s1", idleLimit: limit, at: clock.now) != nil, "idle one second short of the limit")
        clock.advance(by: .seconds(1))
        try Expect.that(try await store.session(digest: "s1", idleLimit: limit, at: clock.now) == nil, "idle for the limit: expired")
    }

    static func closing(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        for (digest, account) in [("a1", "ana"), ("a2", "ana"), ("a3", "ana"), ("b1", "bo")] {
            try await store.openSession(record(digest, account, at: clock.now))
        }
        try await store.closeSession(digest: "a1")
        try await store.closeSession(digest: "unknown")
        try Expect.that(try await store.session(digest: "a1", idleLimit: limit, at: clock.now) == nil, "a closed session")
        try Expect.that(try await store.session(digest: "a2", idleLimit: limit, at: clock.now) != nil, "another session of ana, still open")
        try Expect.equal(try await store.closeSessions(of: "ana"), 2, "sessions of ana closed")
        try Expect.that(try await store.session(digest: "a3", idleLimit: limit, at: clock.now) == nil, "ana's last session, closed")
        try Expect.equal(try await store.session(digest: "b1", idleLimit: limit, at: clock.now)?.account, "bo", "bo's session, still open")
    }

    static func pruning(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let store = try await opened(makeStore, clock)
        try await store.openSession(record("old", "ana", at: clock.now))
        try await store.openSession(record("kept", "ana", at: clock.now))
        clock.advance(by: .seconds(60))
        try await store.openSession(record("new", "bo", at: clock.now))
        try await store.touchSession(digest: "kept", at: clock.now)
        let cutoff = clock.now.addingTimeInterval(-60)
        try Expect.equal(try await store.pruneSessions(lastSeenAtOrBefore: cutoff), 1, "sessions pruned")
        try Expect.that(try await store.session(digest: "old", idleLimit: limit, at: clock.now) == nil, "the idle session, pruned")
        for digest in ["kept", "new"] {
            try Expect.that(try await store.session(digest: digest, idleLimit: limit, at: clock.now) != nil, "session \(digest), kept")
        }
    }
}
