import TriageCore

/// Reading `config/triage.yml` over the defaults of ``TriageSettings``: strict keys, typed values,
/// then the rules that tie several keys together.
extension TriageSettings {
    static let keys = [
        "policy", "store", "scheduler", "detection", "results", "incidents", "catalogue", "notify", "inbound", "cluster", "dashboard",
    ]

    /// The settings written at `root` (nil for an empty file: all defaults); errors go to `root`'s collector.
    static func decode(_ root: NodeCursor?) -> TriageSettings {
        var settings = TriageSettings()
        guard let root, let map = root.documentMapping(allowedKeys: keys, example: "policy:") else { return settings }
        let mark = root.errors.count
        if let policy = map["policy"] { settings.policy = Policy.decode(policy, over: .standard) }
        if let catalogue = map["catalogue"].flatMap(Catalogue.decode) { settings.catalogue = catalogue }
        if let store = map["store"] { settings.store = store.nonEmptyString(example: "var/triage.sqlite") }
        if let notify = map["notify"] { settings.notify = NotifySettings.decode(notify) }
        if let inbound = map["inbound"] { settings.inbound = InboundSettings.decode(inbound) }
        if let scheduler = map["scheduler"] { settings.scheduler = SchedulerSettings.decode(scheduler) }
        if let detection = map["detection"] { settings.detection = DetectionSettings.decode(detection, over: .standard) }
        if let results = map["results"]?.mapping(allowedKeys: ["retention"]) {
            settings.results.retention = results["retention"]?.duration(atLeast: .seconds(3_600)) ?? settings.results.retention
        }
        if let incidents = map["incidents"]?.mapping(allowedKeys: ["reopenWithin"]) {
            settings.incidents.reopenWithin = incidents["reopenWithin"]?.duration(atLeast: .zero, atMost: .seconds(7 * 86_400))
                ?? settings.incidents.reopenWithin
        }
        if let cluster = map["cluster"]?.mapping(allowedKeys: ["lease"]) {
            settings.cluster.lease = cluster["lease"]?.duration(atLeast: .seconds(3), atMost: .seconds(600)) ?? settings.cluster.lease
        }
        if let dashboard = map["dashboard"]?.mapping(allowedKeys: ["secureCookies"]) {
            settings.dashboard.secureCookies = dashboard["secureCookies"]?.bool()
        }
        if root.errors.noneSince(mark) {
            TimeoutRule.check(
                timeout: settings.scheduler.defaultTimeout, slowAfter: settings.detection.slowAfter,
                timeoutAt: root.find("scheduler", "defaultTimeout"), slowAfterAt: root.find("detection", "slowAfter")
            )
        }
        return settings
    }
}

extension SchedulerSettings {
    static let keys = ["concurrency", "perHostConcurrency", "defaultInterval", "defaultTimeout"]

    static func decode(_ cursor: NodeCursor) -> SchedulerSettings {
        var settings = SchedulerSettings()
        guard let map = cursor.mapping(allowedKeys: keys) else { return settings }
        let mark = cursor.errors.count
        settings.concurrency = map["concurrency"]?.int(in: 1...10_000) ?? settings.concurrency
        let perHostCursor = map["perHostConcurrency"]
        settings.perHostConcurrency = perHostCursor?.int(in: 1...1_000) ?? settings.perHostConcurrency
        if let perHostCursor, cursor.errors.noneSince(mark), settings.perHostConcurrency > settings.concurrency {
            perHostCursor.fail(
                "\(settings.perHostConcurrency) is more than scheduler.concurrency (\(settings.concurrency)); "
                    + "lower it to at most \(settings.concurrency) or raise concurrency"
            )
        }
        let interval = CheckDefaults.intervalRange
        let timeout = CheckDefaults.timeoutRange
        settings.defaultInterval = map["defaultInterval"]?.duration(atLeast: interval.lowerBound, atMost: interval.upperBound)
            ?? settings.defaultInterval
        settings.defaultTimeout = map["defaultTimeout"]?.duration(atLeast: timeout.lowerBound, atMost: timeout.upperBound)
            ?? settings.defaultTimeout
        return settings
    }
}
