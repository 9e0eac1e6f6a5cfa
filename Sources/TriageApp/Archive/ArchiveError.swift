/// Why an archive could not be written or read, with the line at fault when there is one and
/// what to do about it.
public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    /// The 1-based line of the archive at fault; nil when the fault is not one line's.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        (line.map { "archive line \($0): " } ?? "archive: ") + message
    }

    /// A line that is no archive line: bad JSON, an unknown table, a missing or wrong field.
    static func damaged(line: Int, _ problem: String) -> ArchiveError {
        ArchiveError(
            line: line,
            message: "\(problem); the archive is damaged: export the store again (triage store export) rather than edit it"
        )
    }

    /// The archive stopped before its end line.
    static func truncated(after line: Int) -> ArchiveError {
        ArchiveError(
            line: line,
            message: "the archive ends here without its end line: it was cut short (an interrupted export or copy, a full "
                + "disk); nothing after this line was exported, so export the store again and import into a new, empty store"
        )
    }
}
