import CurlEngine
import Foundation
import TriageCore

/// An IMAP server: log in (after STARTTLS when the check asks for it) and open the mailbox
/// read-only (`EXAMINE`), reading its message count, as a mail client does before it shows
/// anything. A mailbox that does not open is down with the server's words
/// (`NO Mailbox doesn't exist: Archive`); failures are classified by ``MailFailure``.
public struct IMAPProbe: Probe {
    let exchange: MailExchange

    public init(engine: CurlEngine, clock: any TriageClock) {
        exchange = MailExchange(engine: engine, clock: clock)
    }

    public func run(_ spec: IMAPCheckSpec, for check: Check) async throws -> ProbeResult {
        var request = spec.server.request(timeout: check.timeout)
        request.customRequest = IMAPCommand.examine(spec.mailbox)
        return try await exchange.probe(request, server: spec.server, check: check) { response in
            let count = IMAPCommand.exists(in: response.body).map { "\($0) messages" } ?? "no message count"
            return "logged in to \(spec.server.address), \(spec.mailbox) opened: \(count)"
        }
    }
}
