import Foundation
import TicketStore
import TriageCore

/// The promises every `TicketStore` backend keeps, as checks any test target can run.
///
/// Each check takes a factory that returns a new store over an empty database, not yet migrated,
/// whose audit trail of incidents reads the clock it is given (desk actions, filings and breaches
/// carry the instant passed to them); the check drives a `TestClock`, so nothing sleeps. A broken
/// promise throws `ContractFailure`. Stores keep instants to the millisecond, so the checks use
/// instants that are whole milliseconds. A backend's tests run the whole list:
///
/// ```swift
/// @Test(arguments: TicketStoreContract.all)
/// func contract(name: String, run: @Sendable (TicketStoreContract.StoreFactory) async throws -> Void) async throws {
///     try await run { clock in try SQLiteTicketStore(path: folder.newDatabasePath(), clock: clock) }
/// }
/// ```
public enum TicketStoreContract {
    /// Makes a new, empty, unmigrated store whose audit trail is timestamped by `clock`.
    public typealias StoreFactory = @Sendable (_ clock: any TriageClock) async throws -> any TicketStore

    /// One contract check: its name, for the test report, and the check itself.
    public typealias Check = (name: String, run: @Sendable (StoreFactory) async throws -> Void)

    /// Every check, in a stable order, so a backend runs the whole contract with one parameterized test.
    public static let all: [Check] = [
        ("migrate twice is harmless", migrateTwiceIsHarmless),
        ("raise opens a ticket with its deadline and an opened event", raiseOpensTicket),
        ("raise of a deferred code sets its not-before time", raiseDeferredCodeSetsNotBefore),
        ("raise files a finding under its own case", raiseFilesTheFindingsCase),
        ("raise twice opens once and appends evidence", raiseTwiceOpensOnce),
        ("raise keeps a report's source, code, case and plan", raiseKeepsTheReportsSourceAndPlan),
        ("concurrent raises open one ticket", concurrentRaisesOpenOnce),
        ("recover resolves an untaken ticket, outcome moot", recoverResolvesUntakenTicket),
        ("raise within the cool-down reopens the recovered ticket", raiseWithinCooldownReopens),
        ("raise after the cool-down opens a new ticket", raiseAfterCooldownOpensNewTicket),
        ("recover of an unknown key returns nil", recoverUnknownKeyReturnsNil),
        ("active dedup keys list open incidents only", activeDedupKeysListOpenIncidents),
        ("tickets filter by status, code, customer, site, activity, offset and limit, newest first; counts", ticketFilters),
        ("unknown ticket id has no ticket and no events", unknownTicketIsAbsent),
        ("the work queue is ordered as WorkQueue orders it, filtered, paged and counted", workQueueOrdersAndPages),
        ("events of many tickets are each one's trail", eventsOfManyTickets),
        ("file opens a ticket with its deadline and an opened event by the person", fileOpensTicket),
        ("file of a deferred code sets its not-before window", fileDeferredCodeSetsWindow),
        ("a custom support plan sets its customer's deadlines, filed or raised", customPlanSetsDeadlines),
        ("take records who and when, with a taken event", takeRecordsOwner),
        ("a refused action writes nothing and keeps the desk's error", refusedActionWritesNothing),
        ("concurrent takes of one ticket have exactly one winner", concurrentTakesHaveOneWinner),
        ("recode recomputes the deadline from the recoding time", recodeRecomputesDeadline),
        ("resolve stores the fee and the surcharge exactly", resolveStoresFeeAndSurcharge),
        ("a WHITE ticket can be refused or referred, no other", whiteCanBeRefusedOrReferred),
        ("an action on an unknown ticket is refused as unknown", actionOnUnknownTicketIsRefused),
        ("desk fields round trip through listing and the case filter", deskFieldsRoundTrip),
        ("record breaches marks overdue untaken tickets once", recordBreachesMarksOverdueUntaken),
        ("a new deadline, reopened or recoded, can breach again", newDeadlineCanBreachAgain),
        ("results round trip with every field, oldest first", resultsRoundTrip),
        ("results are read in [from, to)", resultsTimeRange),
        ("the latest result of many checks in one call", latestResultsPerCheck),
        ("prune deletes results older than the cutoff", pruneDeletesOlderResults),
    ]

    /// The cool-down the checks raise with.
    static let cooldown: Duration = .seconds(30 * 60)

    /// Every customer on the published policy.
    static let standardPlans = SupportPlans()

    /// Policy cases of each fee shape the desk checks need: free with a customer-fault surcharge,
    /// fixed, a range to choose from, and unlisted.
    static let catalogue = Catalogue([
        CatalogueCase(
            id: .siteDown, title: "Website down or not visible", code: .red, fee: .free,
            customerFaultSurcharge: Money.major(20)...Money.major(50)
        ),
        CatalogueCase(
            id: "restore-database-backup", title: "Restore a database backup", code: .red, fee: .fixed(.major(40))
        ),
        CatalogueCase(
            id: "activate-domain", title: "Activate new domains", code: .yellow,
            fee: .range(min: .major(10), max: .major(50))
        ),
        CatalogueCase(id: "https-lets-encrypt", title: "HTTPS with Let's Encrypt", code: .green, fee: .unlisted),
        CatalogueCase(id: "seo-audit", title: "SEO audit", code: .white, fee: .unlisted),
    ])

    /// A ticket `person` files for `customer`, under `caseID` when given.
    static func newTicket(
        _ code: TriageCode, case caseID: CaseID? = nil, customer: String = "acme", by person: String = "ana"
    ) -> NewTicket {
        NewTicket(
            code: code, customer: customer, targetID: "\(customer)/www", caseID: caseID,
            summary: "\(customer) asks for \(caseID?.rawValue ?? "help")", openedBy: person
        )
    }

    /// A new store from `makeStore`, migrated, timestamped by `clock`.
    static func migratedStore(_ makeStore: StoreFactory, clock: TestClock) async throws -> any TicketStore {
        let store = try await makeStore(clock)
        try await store.migrate()
        return store
    }

    /// A finding on `checkID` (`customer/site/check`), confirmed at `detectedAt`; other suites raise incidents with it too.
    public static func finding(
        _ checkID: String = "acme/www/http", kind: FindingKind = .down, code: TriageCode = .red,
        at detectedAt: Date, evidence: [String] = ["HTTP 502 Bad Gateway", "connection refused"]
    ) -> Finding {
        let parts = checkID.split(separator: "/")
        return Finding(
            kind: kind, checkID: checkID, targetID: parts.prefix(2).joined(separator: "/"), customer: String(parts[0]),
            code: code, detectedAt: detectedAt, summary: "\(checkID) \(kind.rawValue): \(evidence.first ?? "")",
            evidence: evidence
        )
    }

    /// What a `raise` did, in one word, for readable failures.
    static func name(of change: IncidentChange) -> String {
        switch change {
        case .opened: "opened"
        case .updated: "updated"
        case .reopened: "reopened"
        }
    }
}
