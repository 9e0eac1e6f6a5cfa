import Foundation
import TriageCore

/// `inbound:` in `config/triage.yml`: the receiver of other tools' alerts. Left out, none runs.
///
/// ```yaml
/// inbound:
///   listen: "127.0.0.1:9095"
///   token: {env: TRIAGE_INBOUND_TOKEN}
///   customer: unassigned
/// ```
extension InboundSettings {
    static let keys = ["listen", "token", "customer"]

    static func decode(_ cursor: NodeCursor) -> InboundSettings? {
        guard let map = cursor.mapping(allowedKeys: keys) else { return nil }
        let listen = map.required("listen", example: "\"127.0.0.1:9095\"")?.listenAddress()
        let tokenAt = map.required("token", example: "{env: TRIAGE_INBOUND_TOKEN}")
        let token = tokenAt?.secret(example: "{env: TRIAGE_INBOUND_TOKEN}")
        if let token, let tokenAt, token.value.count < 16 {
            tokenAt.fail("is shorter than 16 characters; use a long random token, such as the output of openssl rand -hex 24")
            return nil
        }
        let customer = map["customer"]?.identifier(example: "unassigned")
        guard let listen, let token else { return nil }
        return InboundSettings(host: listen.host, port: listen.port, token: token, defaultCustomer: customer ?? "unassigned")
    }
}

extension NodeCursor {
    /// `127.0.0.1:9095` or `[::1]:9095`: an IP address and a port to listen on.
    fileprivate func listenAddress() -> (host: String, port: Int)? {
        guard let text = nonEmptyString(example: "\"127.0.0.1:9095\"") else { return nil }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = ""
            portText = ""
        }
        guard !host.isEmpty, let port = Int(portText), (1...65_535).contains(port) else {
            fail("\"\(text)\" is not an address and port; write it as \"127.0.0.1:9095\" (quoted)")
            return nil
        }
        return (String(host), port)
    }
}
