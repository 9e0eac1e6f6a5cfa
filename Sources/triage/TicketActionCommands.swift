import ArgumentParser
import TriageCore

struct TakeTicket: DeskActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Take a ticket in charge.",
        discussion: "GREEN and WHITE tickets are not started before their not-before time: --override --reason TEXT takes one early, and the take is recorded as early."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Argument(help: "The ticket id.") var id: Int64
    @Flag(help: "Take a GREEN or WHITE ticket before its window opens.") var override = false
    @Option(help: "Why it is taken early (with --override).") var reason: String?

    func validate() throws {
        if override, (reason ?? "").isEmpty { throw ValidationError("--override needs --reason TEXT: say why the ticket is taken before its window.") }
        if !override, reason != nil { throw ValidationError("--reason goes with --override; leave it out to take the ticket normally.") }
    }

    func action() -> TicketAction { .take(overrideReason: override ? reason : nil) }
}

struct CommentTicket: DeskActionCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Add a comment to a ticket's audit trail.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Argument(help: "The ticket id.") var id: Int64
    @Option(help: "The comment.") var text: String

    func action() -> TicketAction { .comment(text) }
}

struct RecodeTicket: DeskActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "recode",
        abstract: "Change a ticket's code (for example YELLOW to RED when it gets worse).",
        discussion: "The deadline is recomputed from now under the new code; the audit trail keeps both."
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Argument(help: "The ticket id.") var id: Int64
    @Option(help: "The new code: RED, YELLOW, GREEN or WHITE.") var code: TriageCode
    @Option(help: "Why the code changes.") var reason: String

    func action() -> TicketAction { .recode(code, reason: reason) }
}

struct ResolveTicket: DeskActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a ticket with its cause and a note.",
        discussion: """
            The case's fee is billed: a fixed fee as it is; a range, per-unit or instance-cost fee needs --fee. \
            With --cause customer on a case marked for it, choose the customer-fault surcharge (20 to 50 EUR) with --surcharge.
            """
    )
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Argument(help: "The ticket id.") var id: Int64
    @Option(help: "Who caused the problem: provider, customer or third-party.") var cause: Cause
    @Option(help: "What was done.") var note: String
    @Option(help: "The fee in EUR where the case leaves a choice, such as 25 or 25.50.") var fee: String?
    @Option(help: "The customer-fault surcharge in EUR (with --cause customer).") var surcharge: String?

    func action() throws -> TicketAction {
        .resolve(cause: cause, note: note, fee: try amount(fee, "--fee"), surcharge: try amount(surcharge, "--surcharge"))
    }

    private func amount(_ text: String?, _ flag: String) throws -> Money? {
        guard let text else { return nil }
        guard let money = Money.parse(text) else {
            throw ValidationError("\(flag) \(text) is not an amount: write EUR as a decimal with at most two digits after the point, such as 40 or 40.50.")
        }
        return money
    }
}

struct RefuseTicket: DeskActionCommand {
    static let configuration = CommandConfiguration(commandName: "refuse", abstract: "Refuse a WHITE ticket (advice beyond hosting).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Argument(help: "The ticket id.") var id: Int64
    @Option(help: "Why it is refused.") var reason: String

    func action() -> TicketAction { .refuse(reason: reason) }
}

struct ReferTicket: DeskActionCommand {
    static let configuration = CommandConfiguration(commandName: "refer", abstract: "Refer a WHITE ticket's customer to a partner.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var desk: DeskOptions
    @Argument(help: "The ticket id.") var id: Int64
    @Option(help: "The partner the customer is sent to.") var to: String
    @Option(help: "A note for the trail.") var note = ""

    func action() -> TicketAction { .refer(to: to, note: note) }
}
