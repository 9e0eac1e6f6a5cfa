import Foundation
import TriageCore

extension NodeCursor {
    /// A secret written inline, as `{env: NAME}` (an environment variable) or as `{file: PATH}`
    /// (the file's content, without its final newline). Errors name the variable or the file,
    /// never the value.
    func secret(example: String) -> Secret? {
        if case .scalar = node {
            return nonEmptyString(example: example).map { Secret($0, origin: "the configuration") }
        }
        guard let map = mapping(allowedKeys: ["env", "file"]) else { return nil }
        if let name = map["env"]?.nonEmptyString(example: "SLACK_WEBHOOK_URL") {
            guard let value = errors.environment[name], !value.isEmpty else {
                fail("the environment variable \(name) is not set; export it before starting triage, or write {file: PATH}")
                return nil
            }
            return Secret(value, origin: "environment variable \(name)")
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
}
