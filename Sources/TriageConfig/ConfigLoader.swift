import Foundation
import TriageCore

/// Reads `config/triage.yml` and `probes/*.yml` into typed settings and targets.
///
/// Each file goes through three steps: defaults, strict decoding (an unknown key is an error,
/// with a suggestion), then validation of the rules across keys and files. Every error found is
/// thrown at once, each with its file, line, key path and fix.
///
/// ```swift
/// let settings = try ConfigLoader.loadSettings(at: "config/triage.yml")
/// let probes = try ConfigLoader.loadProbes(directory: "probes", settings: settings)
/// ```
public enum ConfigLoader {
    /// Reads and validates the settings file at `path`; a missing file is an error that says how to create it.
    public static func loadSettings(at path: String) throws(ConfigErrors) -> TriageSettings {
        let fix = "create it (the commented config/triage.yml shipped with Triage is a complete example) "
            + "or give the path of an existing file"
        let yaml = try read(path, fix: fix)
        return try parseSettings(yaml: yaml, file: path)
    }

    /// Reads and validates the settings in `yaml`; `file` is the name errors carry, and
    /// `environment` the variables that `{env: NAME}` secrets are read from.
    public static func parseSettings(
        yaml: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigErrors) -> TriageSettings {
        let errors = ErrorCollector(environment: environment)
        let settings = TriageSettings.decode(try YAMLDocument.root(of: yaml, file: file, errors: errors))
        try errors.throwIfAny()
        return settings
    }

    /// Reads every `*.yml` and `*.yaml` file of `directory` (not its subfolders), sorted by name,
    /// with `settings` giving each check its default interval, timeout and detection thresholds,
    /// and each customer its deadlines unless its file has a `policy:` of its own.
    /// Other files (such as `acme.yml.example`) are left alone. Errors of every file are thrown together,
    /// with the customers defined by more than one file. Secrets written `{env: NAME}` are read
    /// from `environment`.
    public static func loadProbes(
        directory: String, settings: TriageSettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigErrors) -> ProbeSet {
        var errors: [ConfigError] = []
        var files: [ProbeFile] = []
        for path in try probeFiles(in: directory) {
            do {
                let yaml = try read(path, fix: "check the file's permissions")
                let file = try parseProbeFile(yaml: yaml, file: path, settings: settings, environment: environment)
                if let file { files.append(file) }
            } catch {
                errors += error.errors
            }
        }
        errors += duplicateCustomers(files)
        guard errors.isEmpty else { throw ConfigErrors(errors: errors) }
        // Each customer has one file here: a second one is a duplicateCustomers error above.
        let plans = files.compactMap { file in file.policy.map { (file.customer, $0) } }
        return ProbeSet(
            targets: files.flatMap(\.targets),
            plans: SupportPlans(standard: settings.policy, byCustomer: Dictionary(uniqueKeysWithValues: plans)),
            maintenance: MaintenanceCalendar(files.flatMap(\.maintenance))
        )
    }

    /// Reads and validates one probe file's text; `file` is the name errors carry.
    public static func parseProbes(
        yaml: String, file: String, settings: TriageSettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigErrors) -> [Target] {
        try parseProbeFile(yaml: yaml, file: file, settings: settings, environment: environment)?.targets ?? []
    }

    private static func parseProbeFile(
        yaml: String, file: String, settings: TriageSettings, environment: [String: String]
    ) throws(ConfigErrors) -> ProbeFile? {
        let errors = ErrorCollector(environment: environment)
        let root = try YAMLDocument.root(of: yaml, file: file, errors: errors)
        let probeFile = ProbeFile.decode(root, file: file, settings: settings, errors: errors)
        try errors.throwIfAny()
        return probeFile
    }

    /// One file per customer: a second file for the same customer would give two targets the
    /// same ids, so it is an error pointing at both files.
    private static func duplicateCustomers(_ files: [ProbeFile]) -> [ConfigError] {
        var firstUse: [String: NodeCursor] = [:]
        var errors: [ConfigError] = []
        for file in files {
            guard let first = firstUse[file.customer] else {
                firstUse[file.customer] = file.customerAt
                continue
            }
            let at = file.customerAt
            errors.append(ConfigError(
                file: at.file, line: at.line, keyPath: at.keyPath,
                message: "\"\(file.customer)\" is also the customer of \(first.location); keep each customer's sites in one file"
            ))
        }
        return errors
    }

    /// The probe files of `directory`, sorted so targets come in a stable order.
    private static func probeFiles(in directory: String) throws(ConfigErrors) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else {
            throw ConfigErrors(errors: [ConfigError(
                file: directory, line: nil, keyPath: "",
                message: "is not a readable folder; create it and add one .yml file per customer "
                    + "(see probes/acme.yml.example), or give the right folder"
            )])
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { base + $0 }
    }

    /// The text of `path`, or an error that names it and says how to fix it.
    private static func read(_ path: String, fix: String) throws(ConfigErrors) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigErrors(errors: [ConfigError(file: path, line: nil, keyPath: "", message: "does not exist; \(fix)")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let error = ConfigError(file: path, line: nil, keyPath: "", message: "cannot be read; check the file's permissions")
            throw ConfigErrors(errors: [error])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors(errors: [ConfigError(file: path, line: nil, keyPath: "", message: "is not UTF-8 text; save it as UTF-8")])
        }
        return text
    }
}
