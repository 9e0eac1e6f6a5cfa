import Probes
import TriageCore

/// What the scheduler needs from probes: run one check once. `ProbeRegistry` is the real one;
/// scheduling tests give a scripted runner so that timing is tested with a test clock.
public protocol CheckRunner: Sendable {
    /// Runs `check` once; throws only `CancellationError`.
    func run(_ check: Check) async throws -> ProbeResult
}

extension ProbeRegistry: CheckRunner {}
