import DNSResolver
import Logging
import TriageTesting

/// The test dnsmasq (`scripts/servers/40-dns.sh`); throws, so the test fails, without the suite's servers.
func testServer() throws -> DNSServer {
    let address = try TestServers.require(TestServers.dns, "TRIAGE_TEST_DNS")
    let parts = address.split(separator: ":")
    return DNSServer(address: String(parts[0]), port: Int(parts[1]) ?? 53)
}

/// A port on 127.0.0.1 where nothing listens: a stopped name server.
func stoppedServer() throws -> DNSServer {
    DNSServer(address: "127.0.0.1", port: try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT"))
}

/// Each test gets its own resolver, so tests running in parallel never share an I/O thread or a shutdown.
func makeResolver() throws -> DNSResolver {
    try DNSResolver(logger: Logger(label: "DNSResolverTests"))
}

/// Asks the test server for `name`'s records of `type`.
func ask(
    _ resolver: DNSResolver, _ name: String?, _ variable: String, _ type: DNSRecordType, timeout: Duration = .seconds(5)
) async throws -> DNSResponse {
    let name = try TestServers.require(name, variable)
    return try await resolver.resolve(DNSQuery(name: name, type: type, server: try testServer(), timeout: timeout))
}

/// Measures how long `body` takes, to pin "fails fast" and "fails at its timeout" without guessing.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    return (value, clock.now - start)
}
