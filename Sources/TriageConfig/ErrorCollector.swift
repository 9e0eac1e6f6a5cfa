import Foundation

/// Gathers the errors of one load so decoding can go on after a mistake and report them all;
/// it also carries the environment that `{env: NAME}` secrets are read from during that load.
///
/// A reference type because every cursor of a document shares it; it lives only for one
/// synchronous call of ``ConfigLoader`` and is never shared between tasks.
final class ErrorCollector {
    private(set) var errors: [ConfigError] = []
    let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The number of errors so far; compare it later to skip checks that would only repeat an
    /// earlier error in other words (a cross-field rule over a value that did not decode).
    var count: Int { errors.count }

    func add(file: String, line: Int?, keyPath: String, message: String) {
        errors.append(ConfigError(file: file, line: line, keyPath: keyPath, message: message))
    }

    /// Whether no error was added since `mark` (a value of ``count``).
    func noneSince(_ mark: Int) -> Bool {
        errors.count == mark
    }

    /// Throws everything collected, sorted, when anything was.
    func throwIfAny() throws(ConfigErrors) {
        if !errors.isEmpty { throw ConfigErrors(errors: errors) }
    }
}
