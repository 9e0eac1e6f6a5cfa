/// A secret from the configuration (a mail password, a webhook URL with its token, a signing
/// key), kept so that it is never printed: its description, debug
/// description and mirror name only where it came from (`$ACME_MAIL_PASSWORD`), so a check, a
/// config dump or a log line that interpolates it shows no secret.
///
/// ```swift
/// let password = Secret("s3cret", origin: "$ACME_MAIL_PASSWORD")
/// print(password)          // (secret from $ACME_MAIL_PASSWORD)
/// request.password = password.value
/// ```
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself: pass it to the protocol, never into text a person reads.
    public let value: String
    /// Where it came from, safe to show: `$NAME` for an environment variable, `file PATH`, or `the configuration`.
    public let origin: String

    public init(_ value: String, origin: String) {
        self.value = value
        self.origin = origin
    }

    public var description: String { "(secret from \(origin))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["origin": origin]) }

    /// `text` with every occurrence of the secret masked, for text that came from elsewhere (a
    /// server's reply, a library's error message) and might echo it. Secrets shorter than 3
    /// characters are left alone: masking them would mangle ordinary words.
    public func masking(in text: String) -> String {
        value.count < 3 ? text : text.replacingOccurrences(of: value, with: "****")
    }
}
