import Foundation
import TriageCore

/// `notify:` in `config/triage.yml`: channels, routes, escalation, retries and the link base.
///
/// ```yaml
/// notify:
///   channels:
///     - {name: on-call, webhook: {url: {env: ONCALL_WEBHOOK_URL}}}
///   routes:
///     - {codes: [RED], channels: [on-call]}
///   escalation:
///     steps: [{at: 67%, channels: [on-call]}]
///     remind: {every: 33%, channels: [on-call]}
/// ```
extension NotifySettings {
    static let keys = ["channels", "routes", "escalation", "retry", "link"]

    static func decode(_ cursor: NodeCursor) -> NotifySettings {
        var settings = NotifySettings()
        guard let map = cursor.mapping(allowedKeys: keys) else { return settings }
        let (channels, names) = map["channels"].map(decodeChannels) ?? ([], [])
        settings.channels = channels
        let routes = map["routes"]?.list()?.compactMap { decodeRoute($0, channels: names) } ?? []
        let escalation = map["escalation"].flatMap { decodeEscalation($0, channels: names) } ?? .none
        settings.routing = NotificationRouting(routes: routes, escalation: escalation)
        if let retry = map["retry"]?.mapping(allowedKeys: ["first", "max"]) {
            settings.firstRetryDelay = retry["first"]?.duration(atLeast: .seconds(1), atMost: .seconds(3600)) ?? settings.firstRetryDelay
            settings.maxRetryDelay = retry["max"]?.duration(atLeast: .seconds(1), atMost: .seconds(86_400)) ?? settings.maxRetryDelay
        }
        settings.link = map["link"]?.httpURL()
        return settings
    }

    /// The list of channels: each a `name:` and exactly one kind key, names unique. The names
    /// include those of channels with a mistake, so routes naming them add no second error.
    private static func decodeChannels(_ cursor: NodeCursor) -> (channels: [Channel], names: [String]) {
        var channels: [Channel] = []
        var firstUse: [String: NodeCursor] = [:]
        for item in cursor.list() ?? [] {
            guard let map = item.mapping() else { continue }
            let nameAt = map.required("name", example: "on-call")
            let name = nameAt?.identifier(example: "on-call")
            if let name, let nameAt {
                if let first = firstUse[name] {
                    nameAt.fail("\"\(name)\" is already the name of \(first.reference); give each channel its own name")
                } else {
                    firstUse[name] = item
                }
            }
            let spec = kind(of: map, cursor: item)
            if let name, let spec { channels.append(Channel(name: name, spec: spec)) }
        }
        return (channels, Array(firstUse.keys).sorted())
    }

    private static func kind(of map: MapCursor, cursor: NodeCursor) -> ChannelSpec? {
        let known = ChannelKinds.names
        let kinds = map.entries.filter { $0.key != "name" }
        for entry in kinds where !known.contains(entry.key) {
            map.reportUnknown(entry, allowed: known + ["name"], allowedText: "a channel has a name and one kind key (known kinds: \(known.joined(separator: ", ")))")
        }
        guard kinds.count == 1, let entry = kinds.first, let decode = ChannelKinds.decoder(named: entry.key) else {
            if kinds.isEmpty {
                cursor.fail("has no channel kind; add one, such as webhook: {url: {env: ONCALL_WEBHOOK_URL}} (known kinds: \(known.joined(separator: ", ")))")
            } else if kinds.count > 1 {
                cursor.fail("has \(kinds.count) kind keys (\(kinds.map(\.key).joined(separator: ", "))); a channel has one: split it in two")
            }
            return nil
        }
        return decode(entry.value)
    }

    private static func decodeRoute(_ cursor: NodeCursor, channels: [String]) -> NotificationRoute? {
        guard let map = cursor.mapping(allowedKeys: ["channels", "codes", "customers", "sites", "events"]) else { return nil }
        let mark = cursor.errors.count
        let targets = map.required("channels", example: "[on-call]").flatMap { channelNames($0, known: channels) }
        let codes = map["codes"].flatMap(codeSet)
        let customers = map["customers"]?.oneOrMany()?.compactMap { $0.identifier(example: "acme") }
        let sites = map["sites"]?.oneOrMany()?.compactMap { $0.siteID() }
        let kinds = TicketEventKind.allNotifying.map(\.rawValue)
        let events = map["events"]?.oneOrMany()?.compactMap { $0.choice(kinds, noun: "an event that notifies") }
            .compactMap(TicketEventKind.init(rawValue:))
        guard let targets, cursor.errors.noneSince(mark) else { return nil }
        return NotificationRoute(
            channels: targets, codes: codes ?? [], customers: Set(customers ?? []), sites: Set(sites ?? []),
            events: Set(events ?? [])
        )
    }

    private static func decodeEscalation(_ cursor: NodeCursor, channels: [String]) -> EscalationPolicy? {
        guard let map = cursor.mapping(allowedKeys: ["steps", "remind", "codes"]) else { return nil }
        let steps = map["steps"]?.list()?.compactMap { item -> EscalationPolicy.Step? in
            guard let step = item.mapping(allowedKeys: ["at", "channels"]) else { return nil }
            let at = step.required("at", example: "67%")?.percentage(maximum: 10)
            let targets = step.required("channels", example: "[second-level]").flatMap { channelNames($0, known: channels) }
            guard let at, let targets else { return nil }
            return EscalationPolicy.Step(at: at, channels: targets)
        } ?? []
        var reminder: EscalationPolicy.Reminder?
        if let remind = map["remind"]?.mapping(allowedKeys: ["every", "channels"]) {
            let every = remind.required("every", example: "33%")?.percentage(maximum: 10)
            let targets = remind.required("channels", example: "[on-call]").flatMap { channelNames($0, known: channels) }
            if let every, every == 0 { remind["every"]?.fail("must be more than 0%; write a share of the deadline, such as 33%") }
            if let every, every > 0, let targets { reminder = EscalationPolicy.Reminder(every: every, channels: targets) }
        }
        let codes = map["codes"].flatMap(codeSet) ?? [.red, .yellow]
        return EscalationPolicy(steps: steps, reminder: reminder, codes: codes)
    }

    /// Channel names that must be defined in `notify.channels`.
    private static func channelNames(_ cursor: NodeCursor, known: [String]) -> [String]? {
        guard let items = cursor.oneOrMany() else { return nil }
        var names: [String] = []
        for item in items {
            guard let name = item.string() else { continue }
            guard known.contains(name) else {
                let hint = KeySuggestion.didYouMean(name, among: known)
                let list = known.isEmpty ? "none is defined" : "defined: \(known.joined(separator: ", "))"
                item.fail("\"\(name)\" is not a channel of notify.channels; \(hint)\(list)")
                continue
            }
            names.append(name)
        }
        return names.count == items.count && !names.isEmpty ? names : nil
    }

    private static func codeSet(_ cursor: NodeCursor) -> Set<TriageCode>? {
        let codes = TriageCode.allCases.map(\.rawValue)
        return cursor.oneOrMany().map { items in
            Set(items.compactMap { $0.choice(codes, noun: "a code") }.compactMap(TriageCode.init(rawValue:)))
        }
    }
}

extension NodeCursor {
    /// A site id, `customer/site`, as tickets and `triage check` name sites.
    fileprivate func siteID() -> String? {
        guard let text = scalar(expecting: "a site id, such as acme/shop") else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy(NodeCursor.isIdentifier) else {
            fail("\"\(text)\" is not a site id; write customer/site, such as acme/shop")
            return nil
        }
        return text
    }
}
