/// How many locations must see a check's outage before it is raised (`confirm:` in a probe file):
/// a probe node whose own network hiccups must not page anyone.
///
/// With `locations` over 1, a node whose detector decides an availability outage (down, 5xx,
/// network) records a ``Suspicion`` instead of raising it; nodes in other locations re-probe the
/// check at once and add their verdicts; the outage is raised when `locations` distinct locations
/// saw it fail within `within`, and dropped as not confirmed otherwise.
///
/// ```yaml
/// confirm: {locations: 2, within: 60s}
/// ```
public struct LocationConfirmation: Sendable, Hashable {
    /// Distinct locations that must see the failure (1 raises at once, as a single node does).
    public var locations: Int
    /// How long a suspicion waits for the other locations' verdicts.
    public var within: Duration

    public init(locations: Int = 1, within: Duration = .seconds(60)) {
        self.locations = locations
        self.within = within
    }

    /// Raise what one node sees: no confirmation.
    public static let single = LocationConfirmation()

    /// The kinds that a location's own network can fake, and that a re-probe from elsewhere can
    /// confirm or refute: availability. Slowness, certificates and defacement are judged as before.
    public static let confirmedKinds: Set<FindingKind> = [.down, .serverErrors, .networkFailure]

    /// Whether a finding of `kind` waits for other locations.
    public func applies(to kind: FindingKind) -> Bool {
        locations > 1 && Self.confirmedKinds.contains(kind)
    }
}
