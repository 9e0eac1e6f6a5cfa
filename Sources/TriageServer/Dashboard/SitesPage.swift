/// The site board as the dashboard shows it: one page of checks with the state `GET
/// /api/v1/sites` gives each, and a response-time sparkline.
struct SitesPage {
    struct Row {
        var check: String
        var site: String
        var customer: String
        var kind: String
        var status: String
        var reason: String
        var at: String
        var sparkline: Sparkline?
    }

    var chrome: Chrome
    var rows: [Row]
    var paging: Paging
    var customer: String
    var statuses: [FilterOption]
    /// Stored, not computed: Mustache reads a value's stored properties only.
    let width = Sparkline.width
    let height = Sparkline.height
}
