import Foundation

/// The one source of time for Triage's logic: what time it is, and waiting until a later time.
///
/// Logic never reads the wall clock or sleeps by itself; it receives a clock. Production code uses
/// ``SystemClock``; tests use `TestClock` from `TriageTesting` and advance it by hand, so deadline
/// and scheduling logic is tested without sleeping.
///
/// ```swift
/// let due = clock.now.adding(.seconds(30))
/// try await clock.sleep(until: due)
/// ```
public protocol TriageClock: Sendable {
    /// The current instant.
    var now: Date { get }
    /// Suspends until `deadline` has passed; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The machine's wall clock, sleeping with Swift's continuous clock.
public struct SystemClock: TriageClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 {
            try await Task.sleep(for: .seconds(double: interval))
        } else {
            try Task.checkCancellation()
        }
    }
}
