import Foundation
import TicketStore

/// The accounts, for a terminal: name, role, created, and disabled since when. Hashes never show.
public struct AccountTable: Renderer {
    public init() {}

    public func render(_ accounts: [Account]) -> String {
        guard !accounts.isEmpty else { return "No accounts yet: `triage users add NAME --role ROLE` creates one." }
        return TextTable.render(
            header: ["NAME", "ROLE", "CREATED (UTC)", "DISABLED (UTC)"],
            rows: accounts.map { account in
                [account.name, account.role.rawValue, TextTable.utc(account.createdAt), account.disabledAt.map(TextTable.utc) ?? "-"]
            }
        )
    }
}

/// An account as JSON (CLI and API), without its password hash.
public struct AccountJSON: Encodable, Sendable {
    public var name: String
    /// `viewer`, `manager`, `ops` or `admin`.
    public var role: String
    public var createdAt: Date
    public var disabledAt: Date?

    public init(_ account: Account) {
        name = account.name
        role = account.role.rawValue
        createdAt = account.createdAt
        disabledAt = account.disabledAt
    }

    enum CodingKeys: String, CodingKey { case name, role, createdAt, disabledAt }

    /// Writes every key, `null` when unset, so scripts never meet a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(disabledAt, forKey: .disabledAt)
    }
}
