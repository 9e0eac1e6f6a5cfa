import TriageConfig

/// Where a daemon's configuration was read from, so it can read it again on a reload.
public struct ConfigurationFiles: Sendable, Hashable {
    /// The settings file, such as `config/triage.yml`.
    public var configPath: String
    /// The folder of probe files, such as `probes`.
    public var probesDirectory: String

    public init(configPath: String, probesDirectory: String) {
        self.configPath = configPath
        self.probesDirectory = probesDirectory
    }

    /// Loads and validates both files (see ``Configuration/load(configPath:probesDirectory:)``).
    public func load() throws(ConfigErrors) -> Configuration {
        try Configuration.load(configPath: configPath, probesDirectory: probesDirectory)
    }
}
