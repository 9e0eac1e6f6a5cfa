import TriageCore

/// Told of every probe result as the scheduler gets it, so metrics (or anything that watches
/// probing) stay out of the scheduler: the composition root passes one in.
///
/// Called on the probe's own task, after the result is queued for the store: it must be quick
/// and must not block (update a counter, not write a file).
///
/// ```swift
/// struct Printer: ProbeObserver {
///     func probed(_ check: Check, result: ProbeResult) { print(check.id, result.outcome) }
/// }
/// ```
public protocol ProbeObserver: Sendable {
    /// `check` was just probed and gave `result`.
    func probed(_ check: Check, result: ProbeResult)
}
