import Foundation
import Hummingbird
import TicketStore
import TriageApp

/// Accounts for admins: the list, and each account's tokens, listed and revoked one by one (a
/// lost laptop's token goes; the account and its other tokens stay).
extension APIRoutes {
    func addAccountRoutes(_ registry: RouteRegistry) {
        registry.on(.get, "accounts", role: .admin) { _, _, _ in
            try JSONBody.response(try await store.accounts().map(AccountJSON.init))
        }
        registry.on(.get, "accounts/{name}/tokens", role: .admin) { _, context, _ in
            let name = try context.parameters.require("name")
            guard try await store.account(named: name) != nil else { throw AccountError.unknownAccount(name) }
            return try JSONBody.response(try await store.tokens(of: name).map(TokenJSON.init))
        }
        registry.on(.delete, "accounts/{name}/tokens/{id}", role: .admin) { _, context, _ in
            let name = try context.parameters.require("name")
            let token = try await store.revokeToken(of: name, id: try context.parameters.require("id"))
            return try JSONBody.response(TokenJSON(token))
        }
    }
}
