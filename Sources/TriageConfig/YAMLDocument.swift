import Yams

/// Parsing a file's text into a node tree, turning Yams' syntax errors into located `ConfigError`s.
enum YAMLDocument {
    /// The root of the single document in `yaml`; nil for an empty file (only comments or nothing),
    /// which means "all defaults". A syntax error ends the file's reading: nothing after it can be trusted.
    static func root(of yaml: String, file: String, errors: ErrorCollector) throws(ConfigErrors) -> NodeCursor? {
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return nil }
            return NodeCursor(node: node, file: file, keyPath: "", errors: errors)
        } catch let error as YamlError {
            throw ConfigErrors(errors: [located(error, file: file, yaml: yaml)])
        } catch {
            throw ConfigErrors(errors: [ConfigError(file: file, line: nil, keyPath: "", message: "cannot be read as YAML: \(error)")])
        }
    }

    /// The error at the line libyaml points to, with a fix for the usual causes.
    static func located(_ error: YamlError, file: String, yaml: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let source = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let text = mark.line - 1 < source.count ? source[mark.line - 1] : ""
            let fix = text.contains("\t")
                ? "indent with spaces, never tabs"
                : "check the indentation, and quote values that contain \": \" or \" #\" or start with a special character"
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ConfigError(
                file: file, line: mark.line, keyPath: "",
                message: "YAML syntax error at column \(mark.column): \(problem)\(during); \(fix)"
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return ConfigError(
                file: file, line: context.mark.line, keyPath: "",
                message: "key \(keys) appears more than once in the same mapping; keep one of them"
            )
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in yaml.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1 }
            return ConfigError(file: file, line: line, keyPath: "", message: "cannot be read: \(problem); save the file as UTF-8 text")
        default:
            return ConfigError(file: file, line: nil, keyPath: "", message: "cannot be read as YAML: \(error)")
        }
    }
}
