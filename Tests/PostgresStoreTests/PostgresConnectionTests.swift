import Foundation
import Testing
import PostgresStore
import TicketStore
import TriageCore
import TriageTesting

/// Reaching the server: TLS when the URL asks for it, checked against the test cluster's real
/// handshake, and errors that name the store without its password.
@Suite("PostgresTicketStore connections")
struct PostgresConnectionTests {
    @Test("sslmode=require encrypts the connection")
    func requireUsesTLS() async throws {
        try await TestDatabase.with { database in
            let store = try database.store(parameters: "?sslmode=require")
            try await store.migrate()
            #expect(try await store.connectionIsEncrypted())
            #expect(try await database.store().connectionIsEncrypted() == false)
        }
    }

    @Test("sslmode=verify-full accepts the certificate of the test CA for localhost, and refuses it without that CA")
    func verifyFullChecksTheCertificate() async throws {
        let caFile = try TestServers.require(TestServers.caFile, "TRIAGE_TEST_CA_FILE")
        try await TestDatabase.with { database in
            let trusted = try database.store(host: "localhost", parameters: "?sslmode=verify-full&sslrootcert=\(caFile)")
            #expect(try await trusted.connectionIsEncrypted())
            let untrusted = try database.store(host: "localhost", parameters: "?sslmode=verify-full")
            let error = await #expect(throws: TicketStoreError.self) { try await untrusted.migrate() }
            #expect(error?.message.contains("the TLS handshake failed") == true, "\(String(describing: error))")
            #expect(error?.message.contains("sslrootcert") == true)
        }
    }

    @Test("an unreachable server is reported with the URL, its password hidden, and what to check")
    func unreachableServerHidesThePassword() async throws {
        let closedPort = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let store = try PostgresTicketStore(url: "postgres://triage:hunter2@127.0.0.1:\(closedPort)/triage")
        let error = await #expect(throws: TicketStoreError.self) { try await store.migrate() }
        await store.shutdown()
        #expect(error?.description.contains("hunter2") == false)
        #expect(error?.location == "postgres://triage:***@127.0.0.1:\(closedPort)/triage")
        #expect(error?.message.contains("could not reach the server") == true)
    }

    @Test("a URL this store cannot use is refused before connecting, with the fix")
    func badURLs() throws {
        let badMode = #expect(throws: TicketStoreError.self) {
            try PostgresURL("postgres://triage:hunter2@db/triage?sslmode=prefer")
        }
        #expect(badMode?.message.contains("use one of disable, require, verify-ca, verify-full") == true)
        #expect(badMode?.location.contains("hunter2") == false)
        let unknown = #expect(throws: TicketStoreError.self) { try PostgresURL("postgres://db/triage?timeout=3") }
        #expect(unknown?.message.contains("unknown URL parameter \"timeout\"") == true)
        let url = try PostgresURL("postgresql://ana:p%40ss@db.internal/tickets?sslmode=verify-full")
        #expect(url.password == "p@ss" && url.port == 5432 && url.database == "tickets" && url.sslMode == .verifyFull)
        #expect(url.description == "postgresql://ana:***@db.internal/tickets?sslmode=verify-full")
    }
}
