import CurlEngine
import Logging
import TriageTesting

/// The base URL of the test nginx; throws (so the test fails) when the suite runs without its servers.
func nginx(_ path: String) throws -> String {
    try TestServers.require(TestServers.nginx, "TRIAGE_TEST_NGINX") + path
}

/// The base URL of the misbehaving upstream, reached without nginx in between.
func upstream(_ path: String) throws -> String {
    try TestServers.require(TestServers.upstream, "TRIAGE_TEST_UPSTREAM") + path
}

/// Each test gets its own engine, so tests running in parallel never share an I/O thread or a shutdown.
func makeEngine() throws -> CurlEngine {
    try CurlEngine(logger: Logger(label: "CurlEngineTests"))
}

/// Measures how long `body` takes, to pin "fails fast" and "fails at its timeout" without guessing.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    return (value, clock.now - start)
}

extension CurlResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
