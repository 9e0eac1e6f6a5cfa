import CurlEngine
import Foundation
import TriageCore

/// Why a conversation with a mail server failed, in the classes a person acts on: unreachable
/// (dns, refused, connect), no greeting (a timeout after connecting), TLS, login rejected, mail
/// refused (sender, recipient or message, with the server's reply code and text), or another
/// protocol failure with what the server said.
///
/// The reason never shows the login's password, even when a server or libcurl echoes it.
struct MailFailure: Error, Sendable {
    var failure: FailureClass
    var reason: String

    init(failure: FailureClass, reason: String) {
        self.failure = failure
        self.reason = reason
    }

    /// The failure of `response`, or nil when the conversation completed.
    init?(_ response: CurlResponse, server: MailServer, timeout: Duration) {
        guard let error = response.error else { return nil }
        let refusal = MailReplies.refusal(in: response.serverReplies)
        switch error.kind {
        case .loginDenied:
            failure = .authRejected
            reason = "login rejected" + (refusal.map { ": \($0)" } ?? " (\(error.message))")
        case .timeout where response.serverReplies.isEmpty && response.timings.connect > 0:
            failure = .timeout
            reason = Self.silence(timeout: timeout)
        case .sendError where Self.isRefusal(response), .weirdReply where Self.isRefusal(response):
            failure = .mailRejected
            reason = "mail refused by the server: " + (refusal ?? "reply \(response.statusCode) (\(error.message))")
        case .couldNotResolve, .connectionRefused, .unreachable, .couldNotConnect, .tls, .timeout, .emptyReply, .connectionReset:
            failure = TransferFailure.classify(error)
            reason = TransferFailure.reason(for: error, timeout: timeout) + (refusal.map { "; the server said: \($0)" } ?? "")
        default:
            failure = .protocolError
            reason = refusal.map { "the server refused: \($0)" } ?? TransferFailure.reason(for: error, timeout: timeout)
        }
        if let password = server.login?.password { reason = password.masking(in: reason) }
    }

    /// libcurl fails MAIL FROM and RCPT TO with a send error, and the reply to DATA's end with a
    /// weird-reply error; the SMTP reply code tells a refusal from a broken connection.
    private static func isRefusal(_ response: CurlResponse) -> Bool {
        (400..<600).contains(response.statusCode)
    }

    /// Connected, then nothing before the timeout. libcurl counts a TLS handshake as part of the
    /// connection, so a server silent on a TLS scheme shows as a plain connect timeout instead.
    private static func silence(timeout: Duration) -> String {
        "connected, but the server sent no greeting within \(timeout.inWords)"
    }
}
