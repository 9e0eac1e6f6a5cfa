import Foundation
import TriageCore

/// The keys that say how to reach a mail server, shared by the `smtp:`, `imap:`, `pop3:` kinds and
/// the two servers of a `mail:` round trip.
///
/// ```yaml
/// url: smtp://mail.acme.example:587/
/// username: probe@acme.example
/// password: {env: ACME_MAIL_PASSWORD}
/// starttls: true
/// ```
extension MailServer {
    static let keys = ["url", "username", "password", "starttls", "verifyTLS", "caFile"]

    /// The server described by `map` (whose unknown keys the caller rejects); nil after recording errors.
    /// - Parameters:
    ///   - scheme: the plain-text scheme, such as `smtp`; its `s` form (`smtps`) is TLS from the start.
    ///   - loginRequired: whether `username` and `password` must be there (IMAP and POP3 always log in).
    static func decode(_ map: MapCursor, scheme: String, loginRequired: Bool) -> MailServer? {
        let mark = map.cursor.errors.count
        let url = map.required("url", example: "\(scheme)://mail.example.com/")?.mailURL(scheme: scheme)
        let login = decodeLogin(map, required: loginRequired)
        let startTLS = map["starttls"]?.bool()
        let verifyTLS = map["verifyTLS"]?.bool()
        let caFile = map["caFile"]?.nonEmptyString(example: "/etc/triage/private-ca.pem")
        guard let url, map.cursor.errors.noneSince(mark) else { return nil }
        if startTLS == true, url.scheme?.lowercased() != scheme {
            map["starttls"]?.fail(
                "applies to \(scheme):// URLs only; \(url.scheme ?? "")://... speaks TLS from the start: remove starttls"
            )
            return nil
        }
        return MailServer(url: url, login: login, startTLS: startTLS ?? false, verifyTLS: verifyTLS ?? true, caFile: caFile)
    }

    /// `username` and `password` together, or neither (unless `required`).
    private static func decodeLogin(_ map: MapCursor, required: Bool) -> MailLogin? {
        if !required, map["username"] == nil, map["password"] == nil { return nil }
        let username = map.required("username", example: "probe@example.com")?.nonEmptyString(example: "probe@example.com")
        let password = map.required("password", example: "{env: MAIL_PASSWORD}").flatMap { $0.secret(example: "{env: MAIL_PASSWORD}") }
        guard let username, let password else { return nil }
        return MailLogin(username: username, password: password)
    }
}

extension NodeCursor {
    /// A `scheme://host[:port]/` URL or its TLS form (`schemes://`), with no login and no path.
    fileprivate func mailURL(scheme: String) -> URL? {
        let example = "\(scheme)://mail.example.com/"
        guard let text = scalar(expecting: "a URL, such as \(example)") else { return nil }
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
            let written = url.scheme?.lowercased(), written == scheme || written == scheme + "s",
            let host = url.host, !host.isEmpty
        else {
            fail(
                "\"\(text)\" is not a URL of \(scheme):// or \(scheme)s://; "
                    + "write the server's URL with scheme and host, such as \(example)"
            )
            return nil
        }
        guard url.user == nil, url.password == nil else {
            fail("holds a login; write the server only, and the login in username: and password:")
            return nil
        }
        guard url.path.isEmpty || url.path == "/", url.query == nil else {
            fail("\"\(text)\" has a path; write the server only, such as \(example)")
            return nil
        }
        return url
    }

    /// An e-mail address: something, `@`, a domain; no spaces or angle brackets (the probe adds them).
    func mailAddress() -> String? {
        guard let text = scalar(expecting: "an e-mail address, such as probe@example.com") else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else {
            fail("\"\(text)\" is not an e-mail address; write one such as probe@example.com")
            return nil
        }
        return text
    }
}
