/// One problem found in a configuration file, located precisely enough for an admin to fix it
/// without reading Triage's source: the file, the line, the key path inside the document, what is
/// wrong, and how to make it right.
///
/// ```
/// probes/acme.yml:12: sites[2].checks[0].http.timeout: "90x" is not a duration; write a number with a unit, such as 30s, 5m or 1h
/// ```
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as it was given to the loader (relative paths stay relative, so messages stay short).
    public var file: String
    /// The 1-based line of the offending key or value; nil when the problem concerns the whole file.
    public var line: Int?
    /// Where in the document, such as `sites[2].checks[0].http.timeout`; empty for the document itself.
    public var keyPath: String
    /// What is wrong, then (after a semicolon) how to fix it.
    public var message: String

    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line: keyPath: message`, leaving out the parts that are unknown or empty.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        return text + message
    }
}

/// Every problem found in one load, reported at once so an admin fixes them all in one pass
/// instead of one per restart.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// Sorted by file, then line (problems of a whole file first), keeping the order found within a line.
    public var errors: [ConfigError]

    /// Sorts `errors` by file and line, so output reads top to bottom like the files themselves.
    public init(errors: [ConfigError]) {
        self.errors = errors.enumerated().sorted { lhs, rhs in
            if lhs.element.file != rhs.element.file { return lhs.element.file < rhs.element.file }
            let left = lhs.element.line ?? 0
            let right = rhs.element.line ?? 0
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
