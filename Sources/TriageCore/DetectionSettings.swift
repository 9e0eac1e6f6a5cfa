/// Thresholds that turn a check's stream of results into findings. Defaults follow the policy:
/// a single blip raises nothing, a page slower than 10 s is RED, repeated 5xx is RED.
public struct DetectionSettings: Sendable, Hashable {
    /// Consecutive failed probes before the site counts as down.
    public var downAfter: Int
    /// Consecutive successful probes before an open finding counts as recovered.
    public var recoverAfter: Int
    /// Load time above which a page counts as slow (the policy's 10 seconds).
    public var slowAfter: Duration
    /// Consecutive slow probes before a slow-load finding is raised.
    public var slowAfterCount: Int
    /// Load time above which a page is slow enough to warn of (YELLOW), below the RED `slowAfter`:
    /// a site that went from 1 s to 6 s is still online but heading for trouble. Raised after
    /// `slowAfterCount` consecutive probes over it; nil never warns.
    public var warnAfter: Duration?
    /// 5xx responses within `serverErrorWindow` that make a 5xx burst.
    public var serverErrorCount: Int
    /// The sliding window in which 5xx responses are counted.
    public var serverErrorWindow: Duration
    /// Delay before re-probing a check whose last probe failed, to confirm an outage in seconds.
    public var recheckDelay: Duration

    public init(
        downAfter: Int = 2, recoverAfter: Int = 2, slowAfter: Duration = .seconds(10), slowAfterCount: Int = 2,
        warnAfter: Duration? = nil, serverErrorCount: Int = 3, serverErrorWindow: Duration = .seconds(300), recheckDelay: Duration = .seconds(3)
    ) {
        self.downAfter = downAfter
        self.recoverAfter = recoverAfter
        self.slowAfter = slowAfter
        self.slowAfterCount = slowAfterCount
        self.warnAfter = warnAfter
        self.serverErrorCount = serverErrorCount
        self.serverErrorWindow = serverErrorWindow
        self.recheckDelay = recheckDelay
    }

    public static let standard = DetectionSettings()
}
