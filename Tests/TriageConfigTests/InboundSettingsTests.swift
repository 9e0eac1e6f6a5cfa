import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// `inbound:` in `config/triage.yml`: where the alert receiver listens and its token.
@Suite struct InboundSettingsTests {
    let environment = ["TRIAGE_INBOUND_TOKEN": "0123456789abcdef0123"]

    func parse(_ yaml: String) throws -> TriageSettings {
        try ConfigLoader.parseSettings(yaml: yaml, file: "config/triage.yml", environment: environment)
    }

    @Test func theReceiverIsConfiguredOrAbsent() throws {
        let inbound = try #require(try parse("""
            inbound: {listen: "127.0.0.1:9095", token: {env: TRIAGE_INBOUND_TOKEN}, customer: ops}
            """).inbound)
        #expect(inbound == InboundSettings(
            host: "127.0.0.1", port: 9095, token: Secret("0123456789abcdef0123", origin: "$TRIAGE_INBOUND_TOKEN"), defaultCustomer: "ops"
        ))
        #expect(try parse(#"inbound: {listen: "[::1]:9095", token: {env: TRIAGE_INBOUND_TOKEN}}"#).inbound?.host == "::1")
        #expect(try parse("store: var/triage.sqlite").inbound == nil)
    }

    @Test func mistakesNameTheKeyAndTheFix() {
        var errors: [String] = []
        do {
            _ = try ConfigLoader.parseSettings(yaml: """
                inbound:
                  listen: "localhost"
                  token: short
                  port: 9
                """, file: "config/triage.yml", environment: environment)
        } catch {
            errors = error.errors.map(\.description)
        }
        #expect(errors == [
            "config/triage.yml:2: inbound.listen: \"localhost\" is not an address and port; write it as \"127.0.0.1:9095\" (quoted)",
            "config/triage.yml:3: inbound.token: is shorter than 16 characters; use a long random token, such as the output of openssl rand -hex 24",
            "config/triage.yml:4: inbound.port: unknown key; allowed keys: listen, token, customer",
        ])
    }
}
