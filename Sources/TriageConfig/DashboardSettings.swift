import Foundation

/// `dashboard:` in `config/triage.yml`: how the web dashboard's session cookie is set.
///
/// ```yaml
/// dashboard:
///   secureCookies: true
/// ```
public struct DashboardSettings: Sendable, Hashable {
    /// Whether the session cookie carries `Secure` (browsers then send it over HTTPS only); nil
    /// when the file does not say, and ``TriageSettings/secureCookies`` decides from `notify.link`.
    public var secureCookies: Bool?

    public init(secureCookies: Bool? = nil) {
        self.secureCookies = secureCookies
    }
}

extension TriageSettings {
    /// Whether the dashboard's cookies carry `Secure`: as `dashboard.secureCookies` says, else on
    /// when `notify.link` (the public address alerts link to) is an `https://` URL. That link is
    /// where people open the dashboard, so an HTTPS link means browsers reach it over HTTPS (behind
    /// a TLS proxy: the server itself speaks plain HTTP and cannot tell), and a cookie that could
    /// leak over plain HTTP would only be a risk. Without an HTTPS link the default stays off, or a
    /// dashboard opened at `http://127.0.0.1:8080/` could never keep its session.
    public var secureCookies: Bool {
        dashboard.secureCookies ?? (notify.link?.scheme?.lowercased() == "https")
    }
}
