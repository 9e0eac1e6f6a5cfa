import Foundation

/// Which period, customer and site a report covers.
public struct ReportScope: Sendable, Hashable {
    public var from: Date
    public var to: Date
    public var customer: String?
    /// A site id (acme/shop) or name (shop), for the uptime and response-time parts.
    public var site: String?

    public init(from: Date, to: Date, customer: String? = nil, site: String? = nil) {
        self.from = from
        self.to = to
        self.customer = customer
        self.site = site
    }

    /// A day written YYYY-MM-DD, as its midnight UTC; nil when the text is not such a date.
    public static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}

/// The parts of the manager report, as `triage report PART` and `GET reports?part=` name them.
public enum ReportPart: String, Sendable, CaseIterable {
    case all
    case uptime
    case responseTimes = "response-times"
    case tickets
    case deadlines
    case fees
}

/// Progress callbacks of a long report (rolling results up, then reading each check); the CLI
/// draws them on a terminal, the API ignores them.
public struct ReportProgress: Sendable {
    public var rollingUp: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    public var readingChecks: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    public var finish: @Sendable () -> Void

    public init(
        rollingUp: (@Sendable (Int, Int) -> Void)? = nil, readingChecks: (@Sendable (Int, Int) -> Void)? = nil,
        finish: @escaping @Sendable () -> Void = {}
    ) {
        self.rollingUp = rollingUp
        self.readingChecks = readingChecks
        self.finish = finish
    }
}
