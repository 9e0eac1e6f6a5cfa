/// What an account may do. The roles are ordered, each one able to do everything the ones below
/// it can: `viewer` reads the board (queue, sites), `manager` also reads tickets and reports,
/// `ops` also works tickets (open, take, comment, recode, resolve, refuse, refer), `admin` also
/// manages accounts (and, later, reloads the configuration). An ordered set is enough because no
/// role needs a right that a higher one lacks; the HTTP API checks `role >= required` per route.
public enum AccountRole: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case viewer
    case manager
    case ops
    case admin

    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
