import TicketStore

/// What every dashboard page's layout needs: who is signed in, the links their role opens, and
/// the CSRF token of the logout form.
struct Chrome {
    var user: String
    var role: String
    var csrf: String
    var canReadTickets: Bool

    init(account: Account, csrf: String) {
        user = account.name
        role = account.role.rawValue
        self.csrf = csrf
        canReadTickets = account.role >= .manager
    }
}
