import CurlEngine
import Foundation
import TriageCore

/// One conversation with a mail server, turned into a probe result: what the SMTP, IMAP and POP3
/// probes share. Each builds its request (login, command) and words a completed conversation;
/// this runs it on the engine and classifies a failure.
struct MailExchange: Sendable {
    let engine: CurlEngine
    let clock: any TriageClock

    /// Runs `request` against `server` for `check`; `verify` may still fail a completed
    /// conversation (a login never tried), and `success` words one that passed.
    func probe(
        _ request: CurlRequest, server: MailServer, check: Check, verify: (CurlResponse) -> MailFailure? = { _ in nil },
        success: (CurlResponse) -> String
    ) async throws -> ProbeResult {
        let startedAt = clock.now
        let response = try await engine.perform(request)
        var result = ProbeResult(
            checkID: check.id, startedAt: startedAt, outcome: .up, reason: "", statusCode: response.replyCode,
            timings: PhaseTimings(response.timings), bytesRead: response.bodyBytesReceived
        )
        if let failure = MailFailure(response, server: server, timeout: request.timeout) ?? verify(response) {
            result.outcome = .down
            result.failure = failure.failure
            result.reason = failure.reason
        } else {
            result.reason = success(response)
        }
        return result
    }
}
