import CurlEngine
import Foundation
import TriageCore

/// An SMTP server: it greets, answers EHLO, takes the login (when the check has one; with
/// `startTLS`, only after STARTTLS), then answers `NOOP`, or, when the check has `send`, accepts
/// a real probe message (MAIL FROM, RCPT TO, DATA).
///
/// Failures are classified by ``MailFailure``: unreachable, no greeting, TLS, login rejected, or
/// mail refused with the server's reply (`550 5.1.1 <x@example.com>: Recipient address rejected`).
/// A login the server never asked for (no AUTH offered) is a failure too (``SMTPLogin``).
/// A sent message stays in the recipient's mailbox: point `send` at an address that discards it,
/// or use the `mail` round trip, which deletes its message.
public struct SMTPProbe: Probe {
    let exchange: MailExchange
    let clock: any TriageClock

    public init(engine: CurlEngine, clock: any TriageClock) {
        exchange = MailExchange(engine: engine, clock: clock)
        self.clock = clock
    }

    public func run(_ spec: SMTPCheckSpec, for check: Check) async throws -> ProbeResult {
        var request = spec.server.request(timeout: check.timeout)
        let verify = { response in SMTPLogin.unconfirmed(response, server: spec.server) }
        guard let envelope = spec.send else {
            request.customRequest = "NOOP"
            return try await exchange.probe(request, server: spec.server, check: check, verify: verify) { response in
                "\(spec.server.address) answered NOOP: \(MailReplies.lastSMTP(in: response))"
            }
        }
        let message = ProbeMessage(checkID: check.id, envelope: envelope, date: clock.now)
        message.submit(with: &request)
        return try await exchange.probe(request, server: spec.server, check: check, verify: verify) { response in
            "\(spec.server.address) accepted a message for \(envelope.to.joined(separator: ", ")): \(MailReplies.lastSMTP(in: response))"
        }
    }
}
