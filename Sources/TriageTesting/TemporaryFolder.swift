import Foundation

/// A folder of its own for one test's database files, removed when the test lets go of it.
public final class TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path for a new database in a `var` folder that does not exist yet, as on a fresh install.
    public func newDatabasePath() -> String {
        url.appendingPathComponent("var/\(UUID().uuidString).sqlite").path
    }
}
