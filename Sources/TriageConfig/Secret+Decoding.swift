import Foundation
import TriageCore

extension NodeCursor {
    /// A secret (a password, a webhook URL with its token, a signing key): the value itself,
    /// `{env: NAME}` to read it from Triage's environment when the configuration loads, or
    /// `{file: PATH}` for a file's content without its final newline, so configuration files can
    /// be shared without their secrets. Errors name the variable or the file, never the value.
    ///
    /// ```yaml
    /// password: {env: ACME_MAIL_PASSWORD}
    /// url: {file: /etc/triage/slack-url}
    /// ```
    func secret(example: String) -> Secret? {
        if case .scalar = node {
            return nonEmptyString(example: example).map { Secret($0, origin: "the configuration") }
        }
        guard let map = mapping(allowedKeys: ["env", "file"]) else { return nil }
        if map["env"] != nil, map["file"] != nil {
            fail("names two sources; write {env: NAME} or {file: PATH}, not both")
            return nil
        }
        if let name = map["env"]?.environmentVariableName() {
            guard let value = errors.environment[name], !value.isEmpty else {
                fail("environment variable \(name) is not set; export it where triage runs, such as \(name)=... triage run, or write {file: PATH}")
                return nil
            }
            return Secret(value, origin: "$\(name)")
        }
        if let path = map["file"]?.nonEmptyString(example: "/etc/triage/slack-url") {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                fail("cannot read \(path); check that it exists and that triage may read it")
                return nil
            }
            let value = text.hasSuffix("\n") ? String(text.dropLast()) : text
            guard !value.isEmpty else {
                fail("\(path) is empty; write the secret into it")
                return nil
            }
            return Secret(value, origin: "file \(path)")
        }
        if map["env"] == nil, map["file"] == nil {
            fail("names no source; write {env: NAME} or {file: PATH}, or the value itself")
        }
        return nil
    }

    /// The name of an environment variable: letters, digits and underscores, not starting with a digit.
    private func environmentVariableName() -> String? {
        guard let name = scalar(expecting: "a variable name, such as MAIL_PASSWORD") else { return nil }
        let valid = !name.isEmpty && !(name.first?.isNumber ?? true)
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard valid else {
            fail("\"\(name)\" is not an environment variable name; write letters, digits and underscores, such as MAIL_PASSWORD")
            return nil
        }
        return name
    }
}
