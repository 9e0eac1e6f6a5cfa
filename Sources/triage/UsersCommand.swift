import ArgumentParser
import Foundation
import TicketStore
import TriageApp
import TriageCore
import TriageServer

/// `triage users`: the accounts of the HTTP API, kept in the shared store.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the HTTP API's accounts: add, list, disable, and issue, list and revoke API tokens.",
        discussion: """
            Roles, each able to do what the ones before it can: viewer (reads the board: queue and sites), \
            manager (also reads tickets and reports), ops (also works tickets), admin (also manages accounts).
            """,
        subcommands: [AddUser.self, ListUsers.self, DisableUser.self, IssueToken.self, ListTokens.self, RevokeToken.self]
    )
}

extension AccountRole: ExpressibleByArgument {}

/// The store of a `users` command, with the system clock.
private func accountDesk(_ options: GlobalOptions) async throws -> AccountDesk {
    let clock = SystemClock()
    return AccountDesk(store: try await StoreFactory.open(try options.readStoreLocation(), clock: clock), clock: clock)
}

struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create an account; the password is read from standard input (piped), or asked twice at a terminal.",
        discussion: "The password is never an argument: arguments show in the process list and the shell history."
    )
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The account name (lower-case letters, digits, '.', '_', '-'), recorded as the author of its changes.")
    var name: String
    @Option(help: "viewer, manager, ops or admin.") var role: AccountRole

    func run() async throws {
        let password = try PasswordInput.read()
        let desk = try await accountDesk(options)
        let account = try await desk.add(name: name, role: role, password: password)
        print("added \(account.name) (\(account.role.rawValue)); `triage users token \(account.name)` gives it an API token")
    }
}

struct ListUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts with their role and state.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let accounts = try await accountDesk(options).store.accounts()
        switch format {
        case .text: print(AccountTable().render(accounts))
        case .json: print(try JSONRenderer<[AccountJSON]>().render(accounts.map(AccountJSON.init)))
        }
    }
}

struct DisableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: its password and every token stop working at once."
    )
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The account name.") var name: String

    func run() async throws {
        let desk = try await accountDesk(options)
        let account = try await desk.store.disableAccount(named: name, at: desk.clock.now)
        print("disabled \(account.name) since \(account.disabledAt.map { $0.formatted(.iso8601) } ?? "now")")
    }
}

struct IssueToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue a new API token for an account and print it once (only its SHA-256 is stored).",
        discussion: "Send it as `Authorization: Bearer TOKEN`. A lost token cannot be shown again: issue a new one."
    )
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The account name.") var name: String
    @Option(help: "What the token is for, to tell tokens apart (such as laptop or grafana).") var label = "cli"

    func run() async throws {
        print(try await accountDesk(options).issueToken(for: name, label: label).value)
    }
}

struct ListTokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "List an account's API tokens: the id to revoke each by, its label, created and last used."
    )
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The account name.") var name: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let store = try await accountDesk(options).store
        guard try await store.account(named: name) != nil else { throw AccountError.unknownAccount(name) }
        let tokens = try await store.tokens(of: name)
        switch format {
        case .text: print(TokenTable().render(tokens))
        case .json: print(try JSONRenderer<[TokenJSON]>().render(tokens.map(TokenJSON.init)))
        }
    }
}

struct RevokeToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke one API token (a lost laptop): it stops working at once, the account's others go on."
    )
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The account name.") var name: String
    @Argument(help: "The token's id, as `triage users tokens NAME` lists it.") var id: String

    func run() async throws {
        let token = try await accountDesk(options).store.revokeToken(of: name, id: id)
        print("revoked token \(token.id) (\(token.label)) of \(name)")
    }
}
