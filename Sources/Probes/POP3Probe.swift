import CurlEngine
import Foundation
import TriageCore

/// A POP3 server: log in (after STARTTLS when the check asks for it) and list the mailbox's
/// messages (`LIST`), as a mail client does before it downloads anything; failures are
/// classified by ``MailFailure``.
public struct POP3Probe: Probe {
    let exchange: MailExchange

    public init(engine: CurlEngine, clock: any TriageClock) {
        exchange = MailExchange(engine: engine, clock: clock)
    }

    public func run(_ spec: POP3CheckSpec, for check: Check) async throws -> ProbeResult {
        let request = spec.server.request(timeout: check.timeout)
        return try await exchange.probe(request, server: spec.server, check: check) { response in
            // LIST answers one line per message; a list cut at the body cap counts what was read.
            let count = response.body.split(separator: UInt8(ascii: "\n")).count
            let listed = response.bodyTruncated ? "at least \(count) messages" : "\(count) messages"
            return "logged in to \(spec.server.address), mailbox listed: \(listed)"
        }
    }
}
