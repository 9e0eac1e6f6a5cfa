import Foundation
import TriageCore

/// The seam for probe kinds: one type per kind, each in its own file, listed in ``ProbeRegistry``.
///
/// A probe runs one check once and returns a typed ``ProbeResult`` with its reason in words; it
/// never throws for a failing server (that is a result, not an error), only `CancellationError`
/// when the scheduler shuts down.
///
/// ```swift
/// struct TCPProbe: Probe {
///     func run(_ spec: TCPCheckSpec, for check: Check) async throws -> ProbeResult { ... }
/// }
/// ```
public protocol Probe: Sendable {
    associatedtype Spec: Sendable
    /// Probes `check` (whose spec is `spec`) once, within `check.timeout`.
    func run(_ spec: Spec, for check: Check) async throws -> ProbeResult
}
