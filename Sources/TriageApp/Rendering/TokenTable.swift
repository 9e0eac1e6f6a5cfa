import Foundation
import TicketStore

/// An account's API tokens, for a terminal: the id to revoke one by, its label, created and last
/// used. The token itself was shown once and is not in the store.
public struct TokenTable: Renderer {
    public init() {}

    public func render(_ tokens: [APITokenRecord]) -> String {
        guard !tokens.isEmpty else { return "No tokens: `triage users token NAME` issues one." }
        return TextTable.render(
            header: ["ID", "LABEL", "CREATED (UTC)", "LAST USED (UTC)"],
            rows: tokens.map { [$0.id, $0.label, TextTable.utc($0.createdAt), $0.lastUsedAt.map(TextTable.utc) ?? "never"] }
        )
    }
}

/// A token as JSON (CLI and API): its id, label and times, never its digest.
public struct TokenJSON: Encodable, Sendable {
    public var id: String
    public var label: String
    public var createdAt: Date
    public var lastUsedAt: Date?

    public init(_ token: APITokenRecord) {
        id = token.id
        label = token.label
        createdAt = token.createdAt
        lastUsedAt = token.lastUsedAt
    }

    enum CodingKeys: String, CodingKey { case id, label, createdAt, lastUsedAt }

    /// Writes every key, `null` when unset, so scripts never meet a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
    }
}
