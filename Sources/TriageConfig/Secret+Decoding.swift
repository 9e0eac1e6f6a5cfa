import Foundation
import TriageCore

/// A `password:`: the password itself, or `{env: NAME}` to read it from Triage's environment
/// when the configuration loads, so probe files can be shared without their secrets.
///
/// ```yaml
/// password: {env: ACME_MAIL_PASSWORD}
/// ```
extension Secret {
    /// The secret; nil after recording an error. `environment` is where `{env: NAME}` is looked up.
    static func decode(_ cursor: NodeCursor, environment: [String: String]) -> Secret? {
        if case .scalar = cursor.node {
            guard let text = cursor.nonEmptyString(example: "{env: MAIL_PASSWORD}") else { return nil }
            return Secret(text, origin: "the probe file")
        }
        guard let map = cursor.mapping(allowedKeys: ["env"]),
            let name = map.required("env", example: "MAIL_PASSWORD")?.identifierOfEnvironment()
        else { return nil }
        guard let value = environment[name], !value.isEmpty else {
            cursor.fail("environment variable \(name) is not set; export it where triage runs, such as \(name)=... triage run")
            return nil
        }
        return Secret(value, origin: "$\(name)")
    }
}

extension NodeCursor {
    /// The name of an environment variable: letters, digits and underscores, not starting with a digit.
    fileprivate func identifierOfEnvironment() -> String? {
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
