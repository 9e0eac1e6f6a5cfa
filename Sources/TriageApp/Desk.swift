import Foundation
import TicketStore
import TriageConfig
import TriageCore

/// The ticket desk as the CLI (and later the HTTP API) uses it: the shared store plus the
/// configuration that decides codes, deadlines and fees.
public struct Desk: Sendable {
    public let store: any SharedStore
    public let catalogue: Catalogue
    public let plans: SupportPlans
    public let clock: any TriageClock

    public init(store: any SharedStore, catalogue: Catalogue, plans: SupportPlans, clock: any TriageClock) {
        self.store = store
        self.catalogue = catalogue
        self.plans = plans
        self.clock = clock
    }

    /// Files a ticket for `customer`: from a catalogue case (which decides the code), or with an
    /// explicit code where no case fits.
    public func open(
        caseID: CaseID?, code: TriageCode?, customer: String, target: String?, summary: String, by actor: String
    ) async throws -> Ticket {
        let code = try resolveCode(caseID: caseID, code: code)
        let ticket = NewTicket(
            code: code, source: .manual, customer: customer, targetID: target, caseID: caseID,
            summary: summary, openedBy: actor
        )
        return try await store.file(ticket, plans: plans, at: clock.now)
    }

    /// Applies a desk action now; refused actions throw `TicketActionError` and change nothing.
    public func apply(_ action: TicketAction, to id: Int64, by actor: String) async throws -> Ticket {
        try await store.apply(action, to: id, by: actor, at: clock.now, plans: plans, catalogue: catalogue)
    }

    /// The code a new ticket gets; errors say which case or code to use instead.
    func resolveCode(caseID: CaseID?, code: TriageCode?) throws(DeskError) -> TriageCode {
        guard let caseID else {
            guard let code else { throw .missingCaseOrCode }
            return code
        }
        guard let entry = catalogue[caseID] else {
            throw .unknownCase(caseID, suggestions: suggestions(for: caseID))
        }
        if let code, code != entry.code { throw .codeContradictsCase(caseID, caseCode: entry.code, given: code) }
        return entry.code
    }

    /// Catalogue ids sharing a word with `caseID`, to suggest on a typo.
    func suggestions(for caseID: CaseID) -> [CaseID] {
        let words = Set(caseID.rawValue.split(separator: "-"))
        return catalogue.cases.map(\.id).filter { !words.isDisjoint(with: $0.rawValue.split(separator: "-")) }
    }
}

/// Why a ticket could not be filed.
public enum DeskError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingCaseOrCode
    case unknownCase(CaseID, suggestions: [CaseID])
    case codeContradictsCase(CaseID, caseCode: TriageCode, given: TriageCode)

    public var description: String {
        switch self {
        case .missingCaseOrCode:
            "name a catalogue case with --case ID (`triage cases` lists them), or a code with --code when no case fits"
        case .unknownCase(let id, let suggestions):
            "no catalogue case \"\(id)\"" + (suggestions.isEmpty ? "; `triage cases` lists them"
                : "; did you mean \(suggestions.map(\.rawValue).joined(separator: ", "))?")
        case .codeContradictsCase(let id, let caseCode, let given):
            "case \(id) is \(caseCode.rawValue), not \(given.rawValue): leave --code out, or choose another case"
        }
    }
}
