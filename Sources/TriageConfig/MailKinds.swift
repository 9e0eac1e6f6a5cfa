import TriageCore

/// What the mail kinds' decoders share.
enum MailKinds {
    /// The kind's mapping, with unknown keys reported and check options pointed to their place.
    static func mapping(_ cursor: NodeCursor, kind: String, keys: [String]) -> MapCursor? {
        guard let map = cursor.mapping() else { return nil }
        let place = "to the check: write it beside \(kind):, not inside it"
        map.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        return map
    }
}
