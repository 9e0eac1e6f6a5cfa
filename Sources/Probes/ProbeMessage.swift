import CurlEngine
import Foundation
import TriageCore

/// The message a probe sends: short plain text, tagged with an `X-Triage-Probe` header that
/// holds the check's id and a token unique to this probe, so a round trip finds exactly its own
/// message and can clean up every earlier one of the same check.
struct ProbeMessage: Sendable {
    static let header = "X-Triage-Probe"

    let checkID: String
    let token: String
    let envelope: MailEnvelope
    let date: Date

    init(checkID: String, envelope: MailEnvelope, date: Date, token: String = UUID().uuidString) {
        self.checkID = checkID
        self.envelope = envelope
        self.date = date
        self.token = token
    }

    /// The header's value: `acme/mail/mail 5C0E…`.
    var tag: String { "\(checkID) \(token)" }

    /// What every message of this check carries in its header (the id and a space, so that
    /// `acme/mail/mail` does not also match `acme/mail/mail2`).
    var checkMarker: String { "\(checkID) " }

    /// Makes `request` submit this message: the envelope, and the message as the upload.
    func submit(with request: inout CurlRequest) {
        request.mailFrom = "<\(envelope.from)>"
        request.mailRecipients = envelope.to.map { "<\($0)>" }
        request.body = bytes
    }

    /// The message as it is uploaded: CRLF line ends, as SMTP wants.
    var bytes: [UInt8] {
        let lines = [
            "From: <\(envelope.from)>",
            "To: \(envelope.to.map { "<\($0)>" }.joined(separator: ", "))",
            "Subject: Triage probe \(checkID)",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(token)@triage.invalid>",
            "\(Self.header): \(tag)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "Triage sent this message to check that mail is delivered (\(checkID)).",
            "It deletes it when it has arrived; it needs no answer.",
        ]
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// `Thu, 26 Nov 2026 17:23:30 +0000`, the date format of mail headers.
    private static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
