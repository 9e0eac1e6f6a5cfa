import Foundation
import TicketStore
import TriageCore

/// The promises every `Suspicions` backend keeps, with nodes on two connections to one store:
/// one suspicion per check and kind while it is open (a second suspecting node joins it), one
/// verdict per node, the window judged by the caller's clock (a test clock, never by sleeping),
/// and a first outcome that stands.
///
/// ```swift
/// @Test(arguments: SuspicionContract.all)
/// func suspicions(name: String, run: @Sendable (SuspicionContract.StoreFactory) async throws -> Void) async throws {
///     let path = try folder.newDatabasePath()
///     try await run { clock in try SQLiteTicketStore(path: path, clock: clock) }
/// }
/// ```
public enum SuspicionContract {
    public typealias Store = any TicketStore & Suspicions
    /// Opens another connection to the one store of this check (unmigrated on the first call).
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> Store
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    public static let all: [Check] = [
        ("verdicts of several nodes gather on one suspicion; a second suspecting node joins it", verdictsGather),
        ("open means neither closed nor past its window; the first outcome stands; recent ones list newest first", windowAndOutcome),
        ("retention deletes the suspicions that ended before the cutoff, closed or expired, with their verdicts", pruneEnded),
    ]

    static let check = "acme/www/http"
    static let window = Duration.seconds(60)

    static func verdict(_ node: String, _ location: String, failed: Bool, _ clock: TestClock) -> LocationVerdict {
        LocationVerdict(node: node, location: location, failed: failed, reason: failed ? "HTTP 503" : "HTTP 200", at: clock.now)
    }

    static func opening(_ verdict: LocationVerdict, kind: FindingKind = .down, _ clock: TestClock) -> SuspicionOpening {
        SuspicionOpening(checkID: check, kind: kind, required: 2, verdict: verdict, expiresAt: clock.now.adding(window))
    }

    /// Two connections to one migrated store.
    static func twoNodes(_ makeStore: StoreFactory, _ clock: TestClock) async throws -> (Store, Store) {
        let first = try await makeStore(clock)
        try await first.migrate()
        return (first, try await makeStore(clock))
    }

    public static func verdictsGather(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (paris, amsterdam) = try await twoNodes(makeStore, clock)
        let opener = verdict("par-1", "paris", failed: true, clock)
        let opened = try await paris.openSuspicion(opening(opener, clock))
        try Expect.equal(opened.verdicts, [opener], "a new suspicion's verdicts: the opener's")
        try Expect.equal(
            [opened.checkID, opened.openedBy, opened.openedIn, "\(opened.required)", opened.kind.rawValue],
            [check, "par-1", "paris", "2", "down"], "what the suspicion records"
        )
        try Expect.equal(opened.expiresAt, clock.now.adding(window), "its window's end")
        clock.advance(by: .seconds(1))
        let fine = verdict("ams-1", "amsterdam", failed: false, clock)
        try await amsterdam.recordVerdict(fine, on: opened.id)
        try await amsterdam.recordVerdict(verdict("ams-1", "amsterdam", failed: true, clock), on: opened.id)
        clock.advance(by: .seconds(1))
        let second = verdict("par-2", "paris", failed: true, clock)
        let joined = try await amsterdam.openSuspicion(opening(second, clock))
        try Expect.equal(joined.id, opened.id, "a second node suspecting the same check and kind joins the open suspicion")
        try Expect.equal(joined.verdicts, [opener, fine, second], "every node's first verdict, in the order they came")
        try Expect.equal(try await paris.suspicion(id: opened.id)?.verdicts, [opener, fine, second], "read from the other node")
        let other = try await paris.openSuspicion(opening(opener, kind: .serverErrors, clock))
        try Expect.that(other.id != opened.id, "another kind of finding is another suspicion")
        try Expect.equal(try await paris.suspicion(id: other.id + 100), nil, "an unknown id")
    }

    public static func windowAndOutcome(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (paris, amsterdam) = try await twoNodes(makeStore, clock)
        let first = try await paris.openSuspicion(opening(verdict("par-1", "paris", failed: true, clock), clock))
        try Expect.equal(try await amsterdam.openSuspicions(at: clock.now).map(\.id), [first.id], "open within its window")
        clock.advance(by: window)
        try Expect.equal(try await amsterdam.openSuspicions(at: clock.now).map(\.id), [], "none once its window ended")
        let second = try await paris.openSuspicion(opening(verdict("par-1", "paris", failed: true, clock), clock))
        try Expect.that(second.id != first.id, "a suspicion past its window is not joined: a new one opens")
        try Expect.equal(try await amsterdam.openSuspicions(at: clock.now).map(\.id), [second.id], "the new one is open")
        try await paris.closeSuspicion(second.id, as: .notConfirmed, at: clock.now)
        try await amsterdam.closeSuspicion(second.id, as: .confirmed, at: clock.now.addingTimeInterval(1))
        try Expect.equal(try await amsterdam.openSuspicions(at: clock.now).map(\.id), [], "none once closed")
        let closed = try await amsterdam.suspicion(id: second.id)
        try Expect.equal(closed?.outcome, .notConfirmed, "the first outcome stands")
        try Expect.equal(closed?.closedAt, clock.now, "closed when the first outcome was recorded")
        let recent = try await amsterdam.recentSuspicions(limit: 5)
        try Expect.equal(recent.map(\.id), [second.id, first.id], "recent suspicions, newest first")
        try Expect.equal(recent.map(\.outcome), [.notConfirmed, nil], "with their outcome, nil while undecided")
        try Expect.equal(try await amsterdam.recentSuspicions(limit: 1).map(\.id), [second.id], "at most the limit")
    }

    public static func pruneEnded(_ makeStore: StoreFactory) async throws {
        let clock = TestClock()
        let (paris, amsterdam) = try await twoNodes(makeStore, clock)
        let closed = try await paris.openSuspicion(opening(verdict("par-1", "paris", failed: true, clock), clock))
        try await amsterdam.recordVerdict(verdict("ams-1", "amsterdam", failed: false, clock), on: closed.id)
        try await paris.closeSuspicion(closed.id, as: .notConfirmed, at: clock.now)
        let abandoned = try await paris.openSuspicion(opening(verdict("par-1", "paris", failed: true, clock), kind: .slow, clock))
        clock.advance(by: window)
        let live = try await paris.openSuspicion(opening(verdict("par-1", "paris", failed: true, clock), kind: .serverErrors, clock))
        try Expect.equal(try await amsterdam.pruneSuspicions(endedBefore: closed.openedAt), 0, "nothing ended before the first opened")
        try Expect.equal(try await amsterdam.pruneSuspicions(endedBefore: clock.now.addingTimeInterval(1)), 2, "the closed and the expired")
        try Expect.equal(try await paris.suspicion(id: closed.id), nil, "the closed one is gone")
        try Expect.equal(try await paris.suspicion(id: abandoned.id), nil, "the expired one is gone")
        try Expect.equal(try await paris.recentSuspicions(limit: 5).map(\.id), [live.id], "the open one stays")
        try Expect.equal(try await paris.suspicion(id: live.id)?.verdicts.count, 1, "with its verdict")
    }
}
