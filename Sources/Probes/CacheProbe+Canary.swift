import CurlEngine
import Foundation
import TriageCore

extension CacheProbe {
    /// The canary mode: writes a fresh token at the origin (a file, or a POST to a URL), checks
    /// that the origin serves it, then polls the edge until it shows it, at most `within` after
    /// the change, all within the check's timeout.
    ///
    /// Outcomes: `up` when the edge showed the token in time (the reason says after how long);
    /// `degraded` with `staleContent` when it still did not at the deadline; `down` when a part
    /// is down (located as in the passive mode, a failure mid-poll included), when the change
    /// failed (`originDown` for a refused POST; `internalError` for a file this machine cannot
    /// write), or when the origin does not serve the token it was given (`originDown`). The
    /// result's timings are the last edge fetch's, not the wait, so a slow poll is not a slow page.
    func runCanary(_ spec: CacheCheckSpec, canary: CacheCanary, for check: Check) async throws -> ProbeResult {
        let startedAt = clock.now
        let probeDeadline = startedAt.adding(check.timeout)
        let token = Self.canaryToken(at: startedAt)
        let changeFailure = try await change(canary.change, to: token, spec: spec, check: within(check, until: probeDeadline))
        let changedAt = clock.now
        let sides = try await fetchBoth(spec, for: within(check, until: probeDeadline))
        if let fault = sides.locatedFault(note: changeFailure.map { "; canary not changed: \($0.reason)" } ?? "") {
            return fault
        }
        var result = sides.edge.result
        if let changeFailure {
            result.outcome = .down
            result.failure = changeFailure.failure
            result.reason = "canary not changed: \(changeFailure.reason)"
            return result
        }
        guard sides.origin.response.body.contains(utf8: token) else {
            result.outcome = .down
            result.failure = .originDown
            result.reason = "the origin does not serve the new canary after the change: \(sides.origin.result.reason)"
            return result
        }
        let deadline = changedAt.adding(canary.within)
        let step = max(.milliseconds(250), canary.within / 20)
        var edge = sides.edge
        while !edge.response.body.contains(utf8: token) {
            let now = clock.now
            guard now < deadline else { return stale(edge.result, token: token, canary: canary, response: edge.response) }
            try await clock.sleep(until: min(now.adding(step), deadline))
            edge = try await http.fetch(spec.edgePage, for: within(check, until: probeDeadline))
            if let fault = CacheSides(edge: edge, origin: sides.origin).locatedFault() { return fault }
        }
        let took = clock.now.timeIntervalSince(changedAt)
        result = edge.result
        result.reason += "; the edge showed the new canary \(took.fixed(decimals: 1)) s after the change "
            + "(\(canary.within.inWords) allowed)"
        return result
    }

    /// A token no page shows by chance: the time in milliseconds and 64 random bits.
    static func canaryToken(at date: Date) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "triage-canary-\(Int64(date.timeIntervalSince1970 * 1000))-\(random)"
    }

    private func stale(_ edge: ProbeResult, token: String, canary: CacheCanary, response: CurlResponse) -> ProbeResult {
        var result = edge
        result.outcome = .degraded
        result.failure = .staleContent
        result.reason = "stale content: the edge still does not show the new canary \(canary.within.inWords) after the origin "
            + "changed (\(edge.reason)\(CacheSides.ageNote(response)))"
        return result
    }

    /// The check with a timeout that ends at `deadline` (at least a millisecond, because libcurl
    /// reads zero as "no limit"), so every request of the poll stays within the probe's budget.
    private func within(_ check: Check, until deadline: Date) -> Check {
        var limited = check
        limited.timeout = max(.seconds(double: deadline.timeIntervalSince(clock.now)), .milliseconds(1))
        return limited
    }

    /// Makes the origin serve `token`; nil when it did, else why not with its failure class.
    private func change(
        _ change: CacheCanary.Change, to token: String, spec: CacheCheckSpec, check: Check
    ) async throws -> (failure: FailureClass, reason: String)? {
        switch change {
        case .file(let path):
            do {
                try Data((token + "\n").utf8).write(to: URL(filePath: path), options: .atomic)
                return nil
            } catch {
                return (.internalError, "could not write the canary file \(path): \(error.localizedDescription)")
            }
        case .url(let url):
            let post = HTTPCheckSpec(url: url, method: "POST", headers: ["Content-Type": "text/plain"], caFile: spec.caFile)
            var request = http.request(for: post, timeout: check.timeout)
            request.body = Array(token.utf8)
            let response = try await http.engine.perform(request)
            if let error = response.error {
                return (.originDown, "POST \(url.absoluteString): \(TransferFailure.reason(for: error, timeout: check.timeout))")
            }
            guard (200..<300).contains(response.statusCode) else {
                return (.originDown, "POST \(url.absoluteString) answered HTTP \(response.statusCode), expected 2xx")
            }
            return nil
        }
    }
}
