import CCurl
import Foundation
import Logging

/// Runs libcurl transfers for async Swift code: one dedicated I/O thread drives every transfer through
/// libcurl's multi interface, so thousands of concurrent probes hold no thread each and never block
/// Swift's cooperative pool.
///
/// ```swift
/// let engine = try CurlEngine(logger: logger)
/// let response = try await engine.perform(CurlRequest(url: "https://acme.example/", timeout: .seconds(10)))
/// if let error = response.error { print(error.kind, error.message) } else { print(response.statusCode) }
/// engine.shutdown()
/// ```
public final class CurlEngine: Sendable {
    private let core: EngineCore
    private let logger: Logger

    /// Starts one dedicated I/O thread that drives every transfer through libcurl's multi interface.
    ///
    /// - Parameters:
    ///   - logger: Receives the engine's start, stop and libcurl-level failures.
    ///   - maxConnectionsTotal: The most connections open at once (CURLMOPT_MAX_TOTAL_CONNECTIONS);
    ///     transfers beyond it wait in libcurl, their timeout running. 0 means no limit.
    public init(logger: Logger, maxConnectionsTotal: Int = 0) throws(CurlEngineError) {
        let globalInit = CurlGlobal.initCode
        guard globalInit == 0 else { throw .globalInitFailed(code: globalInit) }
        guard let multi = curl_multi_init() else { throw .multiInitFailed }
        if maxConnectionsTotal > 0 {
            _ = triage_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnectionsTotal)
        }
        let core = EngineCore(multi: MultiHandle(raw: multi))
        self.core = core
        self.logger = logger
        let thread = Thread { IOThread(core: core, logger: logger).run() }
        thread.name = "triage-curl-io"
        thread.start()
        logger.debug("curl.engine started", metadata: ["curl.version": "\(String(cString: curl_version()))"])
    }

    deinit {
        shutdown()
    }

    /// Runs one transfer; never throws for transfer failures (those come back in `CurlResponse.error`).
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled (the transfer is then removed at once),
    ///   `CurlEngineError.shutdown` when the engine is, or gets, shut down: the caller is stopping as well,
    ///   so this is no verdict on the site.
    public func perform(_ request: CurlRequest) async throws -> CurlResponse {
        let core = core
        let id = core.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                core.submit(Submission(id: id, request: request, continuation: continuation))
            }
        } onCancel: {
            core.cancel(id)
        }
    }

    /// Stops the I/O thread after failing every in-flight transfer with `CurlEngineError.shutdown`; idempotent.
    /// Also called by deinit.
    ///
    /// The first call returns once the I/O thread has ended, which takes one turn of its loop.
    public func shutdown() {
        guard core.stop() else { return }
        core.exited.wait()
    }
}

/// `curl_global_init` must run once per process before any other libcurl call; a static `let`
/// is initialised exactly once, whichever thread gets there first.
private enum CurlGlobal {
    static let initCode: Int32 = Int32(bitPattern: curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue)
}
