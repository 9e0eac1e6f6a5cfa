import Foundation
import TriageCore

/// The IMAP commands the probes send through libcurl's custom request, and the readings of their
/// untagged replies (which libcurl hands over as the body).
enum IMAPCommand {
    /// `"name"` as an IMAP quoted string: backslashes and quotes escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Opens `mailbox` read-only, so probing it changes no flag a person sees.
    static func examine(_ mailbox: String) -> String { "EXAMINE \(quoted(mailbox))" }

    /// The UIDs of the messages whose `header` contains `text` (IMAP matches a substring, ignoring case).
    static func search(header: String, containing text: String) -> String { "UID SEARCH HEADER \(header) \(quoted(text))" }

    /// Marks messages deleted; `expunge` then removes exactly them (UIDPLUS), not what a person marked.
    static func markDeleted(_ uids: [Int]) -> String { "UID STORE \(set(uids)) +FLAGS.SILENT (\\Deleted)" }
    static func expunge(_ uids: [Int]) -> String { "UID EXPUNGE \(set(uids))" }

    /// The message count of an `EXAMINE` or `SELECT` reply (`* 3 EXISTS`).
    static func exists(in body: [UInt8]) -> Int? {
        lines(body).lazy.compactMap { line -> Int? in
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "*", words[2] == "EXISTS" else { return nil }
            return Int(words[1])
        }.first
    }

    /// The UIDs of a `UID SEARCH` reply (`* SEARCH 4 9`).
    static func uids(in body: [UInt8]) -> [Int] {
        lines(body).flatMap { line -> [Int] in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "*", words[1] == "SEARCH" else { return [] }
            return words.dropFirst(2).compactMap { Int($0) }
        }
    }

    private static func set(_ uids: [Int]) -> String { uids.map(String.init).joined(separator: ",") }

    private static func lines(_ body: [UInt8]) -> [Substring] {
        String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline)
    }
}
