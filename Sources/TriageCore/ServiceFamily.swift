/// What a check watches, from the customer's side: the web site, or the mail service. It decides
/// the catalogue case an outage is filed under, and which web-only rules apply (a page's load
/// time, 5xx answers), so a mail check never raises "site down" or "repeated 5xx" for an SMTP 550.
public enum ServiceFamily: Sendable, Hashable {
    case web
    case mail

    /// The catalogue case of a confirmed outage of a check of this family.
    public var outageCase: CaseID {
        switch self {
        case .web: .siteDown
        case .mail: .mailSendReceive
        }
    }

    /// The outage in words, for the incident's summary.
    public var outageTitle: String {
        switch self {
        case .web: "site down or not visible"
        case .mail: "unable to send or receive e-mail"
        }
    }
}

extension CheckSpec {
    /// The family of this kind of check.
    public var family: ServiceFamily {
        switch self {
        case .http, .tcp, .tls, .content, .page, .dns, .cache: .web
        case .smtp, .imap, .pop3, .mail: .mail
        }
    }

    /// The catalogue case an availability finding of this check is filed under.
    public var outageCase: CaseID { family.outageCase }
}
