/// The check every backend runs before migrating: the store's applied migrations against the ones
/// this build knows.
///
/// Migrations are named, append-only steps, the same names in every dialect. A store that has a
/// step this build does not know was migrated by a newer release: writing to it with this one
/// could break what that release relies on (a column it fills, a constraint it added), so every
/// command, `triage run` first, refuses it instead of guessing.
///
/// ```swift
/// try SchemaHistory.refuseUnknown(applied: ["v1-tickets", "v9-future"], known: names, location: path)
/// ```
public enum SchemaHistory {
    /// Throws a `TicketStoreError` naming each applied migration missing from `known`.
    public static func refuseUnknown(applied: [String], known: [String], location: String) throws {
        let knownNames = Set(known)
        let unknown = applied.filter { !knownNames.contains($0) }
        guard !unknown.isEmpty else { return }
        throw TicketStoreError(
            operation: "migrate", location: location,
            message: "the store's schema is newer than this build of triage: it has the migration(s) "
                + unknown.joined(separator: ", ") + " that this build does not know (it knows up to "
                + (known.last ?? "none") + "); upgrade triage on this node to the release that migrated the store"
        )
    }
}
