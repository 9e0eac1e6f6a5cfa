import CAres
import Foundation
import Logging

/// Asks name servers for records through c-ares, for async Swift code: one dedicated I/O thread
/// drives every lookup with `poll`, so thousands of concurrent DNS probes hold no thread each and
/// never block Swift's cooperative pool (no `getaddrinfo` on a thread pool).
///
/// ```swift
/// let resolver = try DNSResolver(logger: logger)
/// let query = DNSQuery(name: "www.acme.example", type: .a, server: DNSServer(address: "127.0.0.1", port: 5353), timeout: .seconds(5))
/// let response = try await resolver.resolve(query)
/// if let error = response.error { print(error.kind, error.message) } else { print(response.records) }
/// resolver.shutdown()
/// ```
public final class DNSResolver: Sendable {
    private let core: ResolverCore

    /// Reads the system's name servers once and starts the I/O thread.
    public init(logger: Logger) throws(DNSResolverError) {
        let status = AresLibrary.initStatus
        guard status == ARES_SUCCESS else { throw .libraryInitFailed(status: status) }
        let core = try ResolverCore()
        self.core = core
        let thread = Thread { ResolverThread(core: core, logger: logger).run() }
        thread.name = "triage-dns-io"
        thread.start()
        logger.debug("dns.resolver started", metadata: ["dns.c-ares": "\(String(cString: ares_version(nil)))"])
    }

    deinit {
        shutdown()
    }

    /// Runs one lookup; never throws for a failed lookup (that comes back in `DNSResponse.error`),
    /// and returns by the query's timeout.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled (the query's channel is
    ///   then closed at once), `DNSResolverError.shutdown` when the resolver is, or gets, shut down.
    public func resolve(_ query: DNSQuery) async throws -> DNSResponse {
        let core = core
        let id = core.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                core.submit(Submission(id: id, query: query, continuation: continuation))
            }
        } onCancel: {
            core.cancel(id)
        }
    }

    /// Stops the I/O thread after failing every lookup in flight with `DNSResolverError.shutdown`;
    /// idempotent, also called by deinit. Returns once the thread has ended.
    public func shutdown() {
        guard core.stop() else { return }
        core.exited.wait()
    }
}

/// `ares_library_init` must run once per process before any channel; a static `let` is
/// initialised exactly once, whichever thread gets there first.
private enum AresLibrary {
    static let initStatus: Int32 = ares_library_init(ARES_LIB_INIT_ALL)
}
