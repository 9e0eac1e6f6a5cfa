import Foundation

/// What a person does to a ticket at the desk. Each action is one audit event.
public enum TicketAction: Sendable, Hashable {
    /// Takes the ticket in charge. Before its not-before time (GREEN, WHITE) only with an
    /// override reason, and the take is recorded as early.
    case take(overrideReason: String?)
    case comment(String)
    /// Changes the code; the deadline is recomputed from now under the new code.
    case recode(TriageCode, reason: String)
    /// Ends the work. `fee` is the amount chosen where the case's fee leaves a choice (range,
    /// quote, per unit); `surcharge` is the customer-fault surcharge, only with cause `customer`.
    case resolve(cause: Cause, note: String, fee: Money?, surcharge: Money?)
    /// WHITE only: the provider declines the request.
    case refuse(reason: String)
    /// WHITE only: the customer is sent to a partner.
    case refer(to: String, note: String)

    /// The action's name as the CLI and the audit trail call it.
    public var name: String {
        switch self {
        case .take: "take"
        case .comment: "comment"
        case .recode: "recode"
        case .resolve: "resolve"
        case .refuse: "refuse"
        case .refer: "refer"
        }
    }
}

/// Why the desk refused an action; each message says what to do instead.
public enum TicketActionError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTicket(Int64)
    case notAllowed(ticket: Int64, action: String, status: TicketStatus)
    case onlyForWhite(ticket: Int64, action: String, code: TriageCode)
    case tooEarly(ticket: Int64, notBefore: Date)
    case sameCode(ticket: Int64, code: TriageCode)
    case feeRequired(ticket: Int64, caseID: CaseID, hint: String)
    case feeOutOfRange(ticket: Int64, fee: Money, min: Money, max: Money)
    case feeNotChosen(ticket: Int64, hint: String)
    case surchargeWithoutCustomerCause(ticket: Int64)
    case surchargeNotApplicable(ticket: Int64, caseID: CaseID?)
    case surchargeRequired(ticket: Int64, min: Money, max: Money)
    case surchargeOutOfRange(ticket: Int64, surcharge: Money, min: Money, max: Money)
    case emptyText(ticket: Int64, what: String)

    public var description: String {
        switch self {
        case .unknownTicket(let id):
            "ticket \(id) does not exist; `triage tickets list` shows the ids"
        case .notAllowed(let id, let action, let status):
            "ticket \(id) is \(status.rawValue): it cannot be \(Self.past(action)) (\(Self.allowed(action)))"
        case .onlyForWhite(let id, let action, let code):
            "ticket \(id) is \(code.rawValue): only WHITE tickets can be \(Self.past(action)); resolve it instead"
        case .tooEarly(let id, let notBefore):
            "ticket \(id) is not to be started before \(notBefore.formatted(.iso8601)); add --override --reason TEXT to take it early"
        case .sameCode(let id, let code):
            "ticket \(id) is already \(code.rawValue); name another code"
        case .feeRequired(let id, let caseID, let hint):
            "ticket \(id): the fee of case \(caseID) must be chosen: \(hint)"
        case .feeOutOfRange(let id, let fee, let min, let max):
            "ticket \(id): fee \(fee) is outside the case's range \(min.decimalString) to \(max)"
        case .feeNotChosen(let id, let hint):
            "ticket \(id): this case's fee is fixed: \(hint)"
        case .surchargeWithoutCustomerCause(let id):
            "ticket \(id): a surcharge applies only when the customer caused the problem (--cause customer)"
        case .surchargeNotApplicable(let id, let caseID):
            "ticket \(id): case \(caseID?.rawValue ?? "(none)") carries no customer-fault surcharge; leave --surcharge out"
        case .surchargeRequired(let id, let min, let max):
            "ticket \(id): the customer caused it, so choose a surcharge from \(min.decimalString) to \(max) with --surcharge"
        case .surchargeOutOfRange(let id, let surcharge, let min, let max):
            "ticket \(id): surcharge \(surcharge) is outside \(min.decimalString) to \(max); choose an amount in that range"
        case .emptyText(let id, let what):
            "ticket \(id): the \(what) cannot be empty"
        }
    }

    static func past(_ action: String) -> String {
        switch action {
        case "take": "taken in charge"
        case "comment": "commented"
        case "recode": "re-coded"
        case "resolve": "resolved"
        case "refuse": "refused"
        case "refer": "referred"
        default: action
        }
    }

    static func allowed(_ action: String) -> String {
        action == "take" ? "only an open ticket can be taken" : "only an open or taken ticket can be \(past(action))"
    }
}
