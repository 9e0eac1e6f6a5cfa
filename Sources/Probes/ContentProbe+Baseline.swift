import TriageCore

extension ContentProbe {
    /// Fetches the page of a content check now and takes the fingerprint of its stable text, for
    /// an admin to approve as the check's baseline (`triage baseline CHECK`).
    ///
    /// - Parameters:
    ///   - maxChange: the share of change the new baseline allows.
    ///   - from: the marker the stable part starts after; nil from the top.
    ///   - to: the marker it ends at; nil to the end.
    /// - Throws: ``BaselineCaptureError`` when the page is down or lacks a marker: a baseline of an
    ///   error page or of the wrong part would make every later probe look defaced.
    public func captureBaseline(
        _ spec: ContentCheckSpec, for check: Check, maxChange: Double, from: String?, to: String?
    ) async throws -> CapturedBaseline {
        let (judged, response) = try await http.fetch(spec.page, for: check)
        guard judged.outcome != .down else { throw BaselineCaptureError.pageDown(check: check.id, reason: judged.reason) }
        guard let text = PageText(response.body, from: from, to: to) else {
            let missing = PageText(response.body, from: from, to: nil) == nil ? from : to
            throw BaselineCaptureError.regionMarkerMissing(check: check.id, marker: missing ?? "")
        }
        let baseline = ContentBaseline(fingerprint: PageFingerprint(words: text), maxChange: maxChange, from: from, to: to)
        return CapturedBaseline(baseline: baseline, words: text.wordHashes.count, result: judged)
    }
}

/// A baseline just taken, with what it was taken from.
public struct CapturedBaseline: Sendable {
    public var baseline: ContentBaseline
    /// The words in the stable part: a handful means the markers cut the wrong part.
    public var words: Int
    /// The fetch it was taken from (status, time).
    public var result: ProbeResult
}

/// Why no baseline could be taken.
public enum BaselineCaptureError: Error, Equatable, CustomStringConvertible {
    case pageDown(check: String, reason: String)
    case regionMarkerMissing(check: String, marker: String)

    public var description: String {
        switch self {
        case .pageDown(let check, let reason):
            "\(check): the page is not answering as it should (\(reason)); take the baseline once it is healthy"
        case .regionMarkerMissing(let check, let marker):
            "\(check): the page does not contain \"\(marker)\"; choose region markers that the page shows"
        }
    }
}
