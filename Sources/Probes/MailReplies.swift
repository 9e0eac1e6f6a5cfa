import CurlEngine
import Foundation

/// Reading a mail server's reply lines.
enum MailReplies {
    /// The last SMTP reply before the goodbye (`250 2.0.0 Ok: queued as 4F1C2`), for a success's
    /// reason; a `221` closing reply says nothing about the check.
    static func lastSMTP(in response: CurlResponse) -> String {
        response.serverReplies.last { $0.hasPrefix("2") && !$0.hasPrefix("221") } ?? "no reply"
    }

    /// The last reply that refuses something (SMTP 4xx or 5xx, IMAP `NO` or `BAD`, POP3 `-ERR`),
    /// without its IMAP tag; libcurl says goodbye after a failure, so the last line is rarely it.
    static func refusal(in replies: [String]) -> String? {
        for line in replies.reversed() {
            if let first = line.first, first == "4" || first == "5", line.prefix(3).allSatisfy(\.isNumber) { return line }
            if line.hasPrefix("-ERR") { return line }
            let words = line.split(separator: " ", maxSplits: 2)
            if words.count >= 2, words[0] != "*", words[1] == "NO" || words[1] == "BAD" {
                return words.dropFirst().joined(separator: " ")
            }
        }
        return nil
    }
}
