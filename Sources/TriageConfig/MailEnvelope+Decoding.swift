import TriageCore

/// A `send:` envelope of an smtp check.
extension MailEnvelope {
    static let keys = ["from", "to"]

    /// `{from: a@example.com, to: [b@example.com]}`; `to` takes one address or a list.
    static func decode(_ cursor: NodeCursor) -> MailEnvelope? {
        guard let map = cursor.mapping(allowedKeys: keys) else { return nil }
        let from = map.required("from", example: "probe@example.com")?.mailAddress()
        let to = map.required("to", example: "sink@example.com")?.oneOrMany()?.compactMap { $0.mailAddress() }
        guard let from, let to, !to.isEmpty else { return nil }
        return MailEnvelope(from: from, to: to)
    }
}
