import TriageCore

/// One `probes/*.yml` file: a customer, its optional support plan, optional defaults for its
/// checks, and its sites.
///
/// ```yaml
/// customer: acme
/// policy: {RED: {deadline: 10m}}
/// defaults: {interval: 30s}
/// sites:
///   - name: www
///     url: https://www.example.com/
///     checks:
///       - http: {path: /health}
/// ```
/// A site without `checks:` gets one `http` check of its url.
struct ProbeFile {
    static let keys = ["customer", "policy", "defaults", "sites", "maintenance"]
    static let siteKeys = ["name", "url", "checks"]

    var customer: String
    /// Where `customer:` is written, so a second file with the same customer can point at it.
    var customerAt: NodeCursor
    /// The customer's custom support plan: the settings' policy with the file's `policy:` applied,
    /// so a plan states only what the customer pays to change. Nil when the file has no `policy:`.
    var policy: Policy?
    var targets: [Target]
    /// The customer's planned maintenance windows.
    var maintenance: [MaintenanceWindow]

    /// The file at `root` (nil for an empty file); nil when anything is wrong (each error is recorded).
    static func decode(_ root: NodeCursor?, file: String, settings: TriageSettings, errors: ErrorCollector) -> ProbeFile? {
        guard let root else {
            errors.add(file: file, line: nil, keyPath: "", message: "is empty; write customer: and sites:, as in probes/acme.yml.example")
            return nil
        }
        guard let map = root.documentMapping(allowedKeys: keys, example: "customer: acme") else { return nil }
        let mark = errors.count
        let customerAt = map.required("customer", example: "acme")
        let customer = customerAt?.identifier(example: "acme")
        let policy = map["policy"].map { Policy.decode($0, over: settings.policy) }
        let base = CheckDefaults(settings: settings)
        let defaults = map["defaults"].map(base.overridden(by:)) ?? base
        let sites = map.required("sites", example: "[{name: www, url: https://www.example.com/}]")?.list() ?? []
        var targets: [Target] = []
        var firstUse: [String: NodeCursor] = [:]
        for site in sites {
            guard let target = decodeSite(site, customer: customer ?? "", defaults: defaults) else { continue }
            if let first = firstUse[target.name] {
                site.find("name")?.fail(
                    "\"\(target.name)\" is already the name of \(first.reference); "
                        + "target ids (\(target.id)) must be unique: rename one of them"
                )
            } else {
                firstUse[target.name] = site
            }
            targets.append(target)
        }
        let maintenance = map["maintenance"].map {
            MaintenanceWindow.decodeAll($0, customer: customer ?? "", sites: targets.map(\.name))
        } ?? []
        guard let customer, let customerAt, errors.noneSince(mark) else { return nil }
        return ProbeFile(customer: customer, customerAt: customerAt, policy: policy, targets: targets, maintenance: maintenance)
    }

    private static func decodeSite(_ cursor: NodeCursor, customer: String, defaults: CheckDefaults) -> Target? {
        guard let map = cursor.mapping(allowedKeys: siteKeys) else { return nil }
        let name = map.required("name", example: "www")?.identifier(example: "www")
        let urlAt = map["url"]
        let site = SiteContext(url: urlAt?.httpURL(), urlWritten: urlAt != nil)
        let targetID = "\(customer)/\(name ?? "")"
        var checks: [Check] = []
        if let list = map["checks"] {
            checks = decodeChecks(list, targetID: targetID, customer: customer, site: site, defaults: defaults)
        } else if let url = site.url {
            let spec = CheckSpec.http(HTTPCheckSpec(url: url))
            checks = [
                Check(
                    targetID: targetID, customer: customer, name: spec.kindName, spec: spec,
                    interval: defaults.interval, timeout: defaults.timeout, detection: defaults.detection, confirm: defaults.confirm
                ),
            ]
        } else if !site.urlWritten {
            cursor.errors.add(
                file: cursor.file, line: cursor.line, keyPath: cursor.path(of: "url"),
                message: "is required when the site lists no checks; add it, such as url: https://www.example.com/, or list checks:"
            )
        }
        guard let name else { return nil }
        return Target(customer: customer, name: name, checks: checks)
    }

    private static func decodeChecks(
        _ cursor: NodeCursor, targetID: String, customer: String, site: SiteContext, defaults: CheckDefaults
    ) -> [Check] {
        guard let items = cursor.list() else { return [] }
        if items.isEmpty {
            cursor.fail("is empty; list at least one check, or remove checks: to get one http check of the site's url")
        }
        var checks: [Check] = []
        var firstUse: [String: NodeCursor] = [:]
        for item in items {
            guard let (check, nameAt) = Check.decode(item, targetID: targetID, customer: customer, site: site, defaults: defaults) else {
                continue
            }
            if let first = firstUse[check.name] {
                (nameAt ?? item).fail(
                    "check id \"\(check.id)\" is already used by \(first.reference); "
                        + "give each check of a site its own name:, such as name: home"
                )
            } else {
                firstUse[check.name] = item
            }
            checks.append(check)
        }
        return checks
    }
}
