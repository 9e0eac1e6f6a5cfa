import Foundation

/// Where tests keep what a person may want to look at after a run (screenshots of real browsers):
/// `.build/test-artefacts/NAME/` of the repository, which git ignores and the next run overwrites.
public enum TestArtefacts {
    /// The repository's root, from this file's place in it.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/test-artefacts/name/`, created if missing.
    public static func folder(_ name: String) throws -> URL {
        let folder = repository.appendingPathComponent(".build/test-artefacts/\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
