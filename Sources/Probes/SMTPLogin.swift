import CurlEngine
import Foundation
import TriageCore

/// libcurl logs in to an SMTP server only when its EHLO reply offers AUTH, and otherwise goes on
/// without a login and without a word; a check that has a login would then pass with the login
/// never tried, although the customer's mail clients, which must log in, cannot send. So a
/// conversation with a login must show the server's `235` (authentication successful) reply.
enum SMTPLogin {
    /// The failure when `server` has a login that the completed conversation never used.
    static func unconfirmed(_ response: CurlResponse, server: MailServer) -> MailFailure? {
        guard server.login != nil, response.error == nil, !response.serverReplies.contains(where: { $0.hasPrefix("235") }) else {
            return nil
        }
        return MailFailure(
            failure: .authRejected,
            reason: "login not possible: \(server.address) offers no AUTH (after STARTTLS, when required), so the login was never tried"
        )
    }
}
