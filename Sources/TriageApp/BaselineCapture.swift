import CurlEngine
import Foundation
import Logging
import Probes
import TriageCore

/// `triage baseline`: takes a new baseline of a content check's page and writes it as the YAML
/// to paste into the check, so approving a page (after a redesign, say) is one command.
public enum BaselineCapture {
    /// Fetches the page of `check` now. Each setting left nil keeps the check's current baseline's
    /// (or the default when it has none).
    ///
    /// - Throws: ``BaselineCaptureError`` when the page is down or lacks a region marker, or
    ///   ``NotAContentCheck`` when `check` is another kind.
    public static func capture(
        _ check: Check, maxChange: Double?, from: String?, to: String?, logger: Logger
    ) async throws -> CapturedBaseline {
        guard case .content(let spec) = check.spec else { throw NotAContentCheck(check: check.id, kind: check.spec.kindName) }
        let engine = try CurlEngine(logger: logger)
        defer { engine.shutdown() }
        let current = spec.baseline
        return try await ContentProbe(engine: engine, clock: SystemClock()).captureBaseline(
            spec, for: check, maxChange: maxChange ?? current?.maxChange ?? ContentBaseline.defaultMaxChange,
            from: from ?? current?.from, to: to ?? current?.to
        )
    }

    /// The `baseline:` mapping to paste under the check's `content:`, with a comment saying what it was taken from.
    public static func yaml(_ captured: CapturedBaseline, check: Check) -> String {
        let baseline = captured.baseline
        var lines = [
            "# \(check.id): \(captured.result.reason); \(captured.words) words in the stable part",
            "baseline:",
            "  digest: \(quoted(baseline.fingerprint.encoded))",
            "  maxChange: \(Share.format(baseline.maxChange))",
        ]
        if let from = baseline.from { lines.append("  from: \(quoted(from))") }
        if let to = baseline.to { lines.append("  to: \(quoted(to))") }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar: markers such as `<main class="x">` keep their quotes and backslashes.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A baseline was asked of a check that is not a content check.
public struct NotAContentCheck: Error, CustomStringConvertible {
    public var check: String
    public var kind: String

    public var description: String {
        "\(check) is a \(kind) check; a baseline belongs to a content check (a check with content:)"
    }
}
