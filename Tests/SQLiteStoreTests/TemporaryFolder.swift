import Foundation

/// A folder of its own for one test's database files, removed when the test lets go of it.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path for a new database in a `var` folder that does not exist yet, as on a fresh install.
    func newDatabasePath() -> String {
        url.appendingPathComponent("var/\(UUID().uuidString).sqlite").path
    }
}
