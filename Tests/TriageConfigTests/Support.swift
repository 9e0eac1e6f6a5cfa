import Foundation
import TriageCore
@testable import TriageConfig

/// Where the tests find the shipped configuration (relative to this file, so they test the real
/// files of the checkout) and the fixtures (copied into the test bundle).
enum Paths {
    static let packageRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let settingsFile = packageRoot.appending(path: "config/triage.yml").path
    static let probesFolder = packageRoot.appending(path: "probes").path
    static let exampleProbeFile = packageRoot.appending(path: "probes/acme.yml.example").path
    /// The environment the example file's `password: {env: ACME_MAIL_PASSWORD}` reads.
    static let exampleEnvironment = ["ACME_MAIL_PASSWORD": "example-secret"]
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func fixture(_ name: String) -> String {
        fixtures.appending(path: name).path
    }

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOfFile: fixture(name), encoding: .utf8)
    }
}

/// The error lines of parsing `yaml` as settings; empty when it is valid.
func settingsErrors(_ yaml: String, file: String = "config/triage.yml") -> [String] {
    do {
        _ = try ConfigLoader.parseSettings(yaml: yaml, file: file)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// The error lines of parsing `yaml` as a probe file; empty when it is valid.
func probeErrors(_ yaml: String, file: String = "probes/acme.yml", settings: TriageSettings = TriageSettings()) -> [String] {
    do {
        _ = try ConfigLoader.parseProbes(yaml: yaml, file: file, settings: settings)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// The probe set of a fresh folder holding `files` (file name → text), read as `probes/` is,
/// with the example file's password variable set; the folder is removed afterwards.
func loadProbes(_ files: [String: String], settings: TriageSettings) throws -> ProbeSet {
    let folder = FileManager.default.temporaryDirectory.appending(path: "triage-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in files {
        try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
    }
    return try ConfigLoader.loadProbes(directory: folder.path, settings: settings, environment: Paths.exampleEnvironment)
}

/// The checks a probe file decodes to (as `probes/acme.yml`), over `settings`.
func decodeChecks(_ yaml: String, settings: TriageSettings = TriageSettings()) throws -> [Check] {
    try ConfigLoader.parseProbes(yaml: yaml, file: "probes/acme.yml", settings: settings).flatMap(\.checks)
}
