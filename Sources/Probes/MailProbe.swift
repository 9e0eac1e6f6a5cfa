import CurlEngine
import Foundation
import TriageCore

/// A mail round trip: submit a uniquely tagged message over SMTP, search the recipient's mailbox
/// over IMAP (`UID SEARCH HEADER`) every `pollEvery` until it is there, measure the delivery time,
/// and delete it (with any earlier probe message of this check that arrived late).
///
/// Outcomes: `up` when delivered within `warnAfter`; `degraded` when delivered but slower
/// (detection files a YELLOW slow delivery); `down` when the message could not be sent (the SMTP
/// failure, classified by ``MailFailure``), the mailbox could not be searched, or the message had
/// not arrived when the check's timeout was up (`notDelivered`). All of it ends within the check's
/// timeout. A message that could not be deleted is named in the reason and changes no outcome.
public struct MailProbe: Probe {
    let engine: CurlEngine
    let clock: any TriageClock

    public init(engine: CurlEngine, clock: any TriageClock) {
        self.engine = engine
        self.clock = clock
    }

    public func run(_ spec: MailCheckSpec, for check: Check) async throws -> ProbeResult {
        let startedAt = clock.now
        let deadline = startedAt.adding(check.timeout)
        let message = ProbeMessage(checkID: check.id, envelope: spec.envelope, date: startedAt)
        let sent = try await engine.perform(sendRequest(spec, message, timeout: check.timeout))
        var result = ProbeResult(
            checkID: check.id, startedAt: startedAt, outcome: .down, reason: "", statusCode: sent.replyCode,
            timings: PhaseTimings(sent.timings)
        )
        let sendFailure = MailFailure(sent, server: spec.smtp, timeout: check.timeout) ?? SMTPLogin.unconfirmed(sent, server: spec.smtp)
        if let failure = sendFailure {
            result.failure = failure.failure
            result.reason = "could not send: \(failure.reason)"
            return finished(result, startedAt)
        }
        let sentAt = clock.now
        switch try await awaitDelivery(of: message, spec: spec, until: deadline) {
        case .failed(let failure):
            result.failure = failure.failure
            result.reason = "sent, but \(spec.mailbox) could not be searched: \(failure.reason)"
        case .missing:
            result.failure = .notDelivered
            let waited = clock.now.timeIntervalSince(sentAt)
            let recipients = spec.envelope.to.joined(separator: ", ")
            result.reason = "sent to \(recipients), but not in \(spec.mailbox) after \(waited.fixed(decimals: 1)) s"
        case .found(let at):
            judge(delivery: at.timeIntervalSince(sentAt), spec: spec, into: &result)
            if let leftover = try await deleteProbeMessages(of: message, spec: spec, until: deadline) {
                result.reason += "; the probe message could not be deleted: \(leftover.reason)"
            }
        }
        return finished(result, startedAt)
    }

    /// The result with its total time, the whole round trip.
    private func finished(_ result: ProbeResult, _ startedAt: Date) -> ProbeResult {
        var result = result
        result.timings.total = clock.now.timeIntervalSince(startedAt)
        return result
    }

    /// Up within `warnAfter`, degraded beyond it: the mail arrives, but late.
    private func judge(delivery seconds: Double, spec: MailCheckSpec, into result: inout ProbeResult) {
        let took = "delivered to \(spec.mailbox) in \(seconds.fixed(decimals: 1)) s"
        if seconds > spec.warnAfter.inSeconds {
            result.outcome = .degraded
            result.reason = "\(took), slower than \(spec.warnAfter.inWords)"
        } else {
            result.outcome = .up
            result.reason = took
        }
    }

    enum Delivery {
        case found(at: Date)
        case missing
        case failed(MailFailure)
    }

    /// Searches the mailbox for the message's tag until it is there or `deadline` is too close for another search.
    private func awaitDelivery(of message: ProbeMessage, spec: MailCheckSpec, until deadline: Date) async throws -> Delivery {
        let search = IMAPCommand.search(header: ProbeMessage.header, containing: message.tag)
        while true {
            guard let timeout = remaining(until: deadline) else { return .missing }
            let response = try await engine.perform(imapRequest(spec, command: search, timeout: timeout))
            if let failure = MailFailure(response, server: spec.imap, timeout: timeout) { return .failed(failure) }
            if !IMAPCommand.uids(in: response.body).isEmpty { return .found(at: clock.now) }
            let next = clock.now.adding(spec.pollEvery)
            guard next < deadline else { return .missing }
            try await clock.sleep(until: next)
        }
    }

    /// Deletes every message of this check (this one, and any that arrived after an earlier probe
    /// gave up); returns the failure when a step failed.
    private func deleteProbeMessages(
        of message: ProbeMessage, spec: MailCheckSpec, until deadline: Date
    ) async throws -> MailFailure? {
        let search = IMAPCommand.search(header: ProbeMessage.header, containing: message.checkMarker)
        guard let timeout = remaining(until: deadline) else { return MailFailure(failure: .timeout, reason: "no time was left") }
        let found = try await engine.perform(imapRequest(spec, command: search, timeout: timeout))
        if let failure = MailFailure(found, server: spec.imap, timeout: timeout) { return failure }
        let uids = IMAPCommand.uids(in: found.body)
        for command in [IMAPCommand.markDeleted(uids), IMAPCommand.expunge(uids)] where !uids.isEmpty {
            guard let timeout = remaining(until: deadline) else { return MailFailure(failure: .timeout, reason: "no time was left") }
            let response = try await engine.perform(imapRequest(spec, command: command, timeout: timeout))
            if let failure = MailFailure(response, server: spec.imap, timeout: timeout) { return failure }
        }
        return nil
    }

    /// The time left before `deadline`, or nil when less than a second is: too little for a conversation.
    private func remaining(until deadline: Date) -> Duration? {
        let left = deadline.timeIntervalSince(clock.now)
        return left >= 1 ? .seconds(double: left) : nil
    }

    func sendRequest(_ spec: MailCheckSpec, _ message: ProbeMessage, timeout: Duration) -> CurlRequest {
        var request = spec.smtp.request(timeout: timeout)
        message.submit(with: &request)
        return request
    }

    /// An IMAP command run with `mailbox` selected first (libcurl selects the URL's mailbox).
    func imapRequest(_ spec: MailCheckSpec, command: String, timeout: Duration) -> CurlRequest {
        var request = spec.imap.request(path: spec.mailbox, timeout: timeout)
        request.customRequest = command
        return request
    }
}
