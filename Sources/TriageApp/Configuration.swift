import Foundation
import TriageConfig
import TriageCore

/// Everything an admin configured: settings from `config/triage.yml` and targets from `probes/`.
public struct Configuration: Sendable {
    public var settings: TriageSettings
    public var probes: ProbeSet

    /// Loads and validates both; throws every error found, each with its file, line and fix.
    public static func load(configPath: String, probesDirectory: String) throws(ConfigErrors) -> Configuration {
        var errors: [ConfigError] = []
        var settings: TriageSettings?
        do {
            settings = try ConfigLoader.loadSettings(at: configPath)
        } catch {
            errors += error.errors
        }
        var probes: ProbeSet?
        if let settings {
            do {
                probes = try ConfigLoader.loadProbes(directory: probesDirectory, settings: settings)
            } catch {
                errors += error.errors
            }
        }
        guard let settings, let probes, errors.isEmpty else { throw ConfigErrors(errors: errors) }
        return Configuration(settings: settings, probes: probes)
    }

    /// The checks whose target id, check id or customer matches one of `selectors` (all when empty).
    public func checks(matching selectors: [String]) -> [Check] {
        guard !selectors.isEmpty else { return probes.checks }
        return probes.checks.filter { check in
            selectors.contains { $0 == check.id || $0 == check.targetID || $0 == check.customer }
        }
    }
}
