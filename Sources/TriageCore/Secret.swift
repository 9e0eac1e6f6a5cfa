/// A value that must never be printed: a webhook URL with its token, a signing key, a password.
///
/// Its `description` is a placeholder, so string interpolation, logs, errors and `config validate`
/// output show `<secret from SLACK_URL>` rather than the value; only a notifier reads `value`.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String
    /// Where it came from, safe to show: "environment variable SLACK_URL", "file /etc/triage/key", "the configuration".
    public let origin: String

    public init(_ value: String, origin: String) {
        self.value = value
        self.origin = origin
    }

    public var description: String { "<secret from \(origin)>" }
    public var debugDescription: String { description }
}
