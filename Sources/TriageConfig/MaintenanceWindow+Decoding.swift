import Foundation
import TriageCore

/// `maintenance:` in a probe file: the customer's planned windows.
///
/// ```yaml
/// maintenance:
///   - name: shop-upgrade
///     sites: [shop]                 # optional: every site of the file when left out
///     checks: [http]                # optional: every check of those sites
///     once: {from: "2026-12-01 02:00", to: "2026-12-01 04:00"}
///     timeZone: Europe/Rome         # optional, default UTC
///     mode: planned                 # or silence; default planned
///   - name: backups
///     weekly: {days: [sat, sun], at: "03:00", for: 1h}
/// ```
extension MaintenanceWindow {
    static let keys = ["name", "sites", "checks", "once", "weekly", "timeZone", "mode"]
    static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// The file's windows; `sites` are the names of the file's sites, which `sites:` must name.
    static func decodeAll(_ cursor: NodeCursor, customer: String, sites: [String]) -> [MaintenanceWindow] {
        (cursor.list() ?? []).compactMap { decode($0, customer: customer, sites: sites) }
    }

    private static func decode(_ cursor: NodeCursor, customer: String, sites: [String]) -> MaintenanceWindow? {
        guard let map = cursor.mapping(allowedKeys: keys) else { return nil }
        let mark = cursor.errors.count
        let name = map.required("name", example: "shop-upgrade")?.identifier(example: "shop-upgrade")
        let siteNames = map["sites"]?.oneOrMany()?.compactMap { $0.siteName(among: sites) }
        let checkNames = map["checks"]?.oneOrMany()?.compactMap { $0.identifier(example: "http") }
        let timeZone: TimeZone? = if let zone = map["timeZone"] { zone.timeZone() } else { TimeZone(identifier: "UTC") }
        let mode = map["mode"]?.choice(Mode.allCases.map(\.rawValue), noun: "a maintenance mode").flatMap(Mode.init(rawValue:))
        let schedule = timeZone.flatMap { decodeSchedule(of: map, cursor: cursor, timeZone: $0) }
        guard let name, let schedule, cursor.errors.noneSince(mark) else { return nil }
        return MaintenanceWindow(
            name: name, customer: customer, sites: Set(siteNames ?? []), checks: Set(checkNames ?? []), schedule: schedule,
            mode: mode ?? .planned
        )
    }

    /// Exactly one of `once:` and `weekly:`.
    private static func decodeSchedule(of map: MapCursor, cursor: NodeCursor, timeZone: TimeZone) -> Schedule? {
        switch (map["once"], map["weekly"]) {
        case (let once?, nil):
            guard let times = once.mapping(allowedKeys: ["from", "to"]) else { return nil }
            let from = times.required("from", example: "\"2026-12-01 02:00\"")?.localTime(in: timeZone)
            let toAt = times.required("to", example: "\"2026-12-01 04:00\"")
            let to = toAt?.localTime(in: timeZone)
            guard let from, let to else { return nil }
            guard from < to else {
                toAt?.fail("is not after from; a window ends after it starts")
                return nil
            }
            return .once(from: from, to: to)
        case (nil, let weekly?):
            guard let week = weekly.mapping(allowedKeys: ["days", "at", "for"]) else { return nil }
            let days = week.required("days", example: "[sat, sun]")?.oneOrMany()?.compactMap {
                $0.choice(weekdays, noun: "a day").flatMap { weekdays.firstIndex(of: $0).map { $0 + 1 } }
            }
            let minute = week.required("at", example: "\"03:00\"")?.timeOfDay()
            let length = week.required("for", example: "2h")?.duration(atLeast: .seconds(60), atMost: .seconds(7 * 86_400))
            guard let days, !days.isEmpty, let minute, let length else { return nil }
            return .weekly(days: Set(days), minute: minute, length: length, timeZone: timeZone)
        case (nil, nil):
            cursor.fail("has no schedule; add once: {from: \"2026-12-01 02:00\", to: \"2026-12-01 04:00\"} or weekly: {days: [sun], at: \"03:00\", for: 2h}")
            return nil
        case (_?, _?):
            cursor.fail("has both once: and weekly:; a window has one schedule: split it in two")
            return nil
        }
    }
}

extension NodeCursor {
    /// A site name that `names` (the file's sites) contains.
    fileprivate func siteName(among names: [String]) -> String? {
        guard let name = identifier(example: "www") else { return nil }
        guard names.contains(name) else {
            let hint = KeySuggestion.didYouMean(name, among: names)
            fail("\"\(name)\" is not a site of this file; \(hint)sites: \(names.joined(separator: ", "))")
            return nil
        }
        return name
    }

    /// An IANA time zone name, such as Europe/Rome.
    fileprivate func timeZone() -> TimeZone? {
        guard let text = nonEmptyString(example: "Europe/Rome") else { return nil }
        guard let zone = TimeZone(identifier: text) else {
            fail("\"\(text)\" is not a time zone; write an IANA name, such as Europe/Rome or UTC")
            return nil
        }
        return zone
    }

    /// `"2026-12-01 02:00"`: a local date and time in `timeZone`.
    fileprivate func localTime(in timeZone: TimeZone) -> Date? {
        guard let text = nonEmptyString(example: "\"2026-12-01 02:00\"") else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        guard let date = formatter.date(from: text) else {
            fail("\"\(text)\" is not a local date and time; write it as \"2026-12-01 02:00\" (quoted)")
            return nil
        }
        return date
    }

    /// `"03:00"`: minutes after midnight.
    fileprivate func timeOfDay() -> Int? {
        guard let text = nonEmptyString(example: "\"03:00\"") else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute), parts[1].count == 2
        else {
            fail("\"\(text)\" is not a time of day; write hours and minutes, such as \"03:00\" (quoted)")
            return nil
        }
        return hour * 60 + minute
    }
}
