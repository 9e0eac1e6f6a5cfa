import CCurl
import Logging

/// The loop of the engine's one I/O thread: it alone touches the multi handle, the easy handles and
/// the transfers, so none of them needs a lock.
///
/// Each turn takes new submissions and cancellations, lets libcurl progress every transfer,
/// completes the finished ones and sleeps in `curl_multi_poll` until a socket, a libcurl timer or
/// a wake-up needs it.
final class IOThread {
    private let core: EngineCore
    private let logger: Logger
    private var multi: UnsafeMutableRawPointer { core.multi.raw }
    private var active: [UInt64: Transfer] = [:]
    private var pool = EasyHandlePool()
    /// Swapped with the shared queue each turn, so taking work allocates nothing.
    private var intake: [Submission] = []
    private var cancellations: [UInt64] = []

    /// The longest sleep when nothing happens; libcurl shortens it to its own next timeout.
    private static let pollTimeoutMilliseconds: Int32 = 1000

    init(core: EngineCore, logger: Logger) {
        self.core = core
        self.logger = logger
    }

    func run() {
        defer { core.exited.signal() }
        while takeWork() {
            for submission in intake {
                start(submission)
            }
            intake.removeAll(keepingCapacity: true)
            for id in cancellations {
                cancel(id)
            }
            cancellations.removeAll(keepingCapacity: true)
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                logger.error("curl.multi_perform failed", metadata: ["curl.mcode": "\(performed.rawValue)"])
            }
            completeFinished()
            let polled = curl_multi_poll(multi, nil, 0, Self.pollTimeoutMilliseconds, nil)
            if polled != CURLM_OK {
                logger.error("curl.multi_poll failed", metadata: ["curl.mcode": "\(polled.rawValue)"])
            }
        }
        failAllActive()
    }

    /// Takes queued submissions and cancellations; false once the engine is shut down.
    private func takeWork() -> Bool {
        core.state.withLock { state in
            state.wakeRequested = false
            swap(&state.pending, &intake)
            swap(&state.cancelled, &cancellations)
            return !state.isShutdown
        }
    }

    private func start(_ submission: Submission) {
        guard let handle = pool.take() else {
            submission.continuation.resume(returning: Transfer.failure(CURLE_OUT_OF_MEMORY, detail: "curl_easy_init failed"))
            return
        }
        let transfer = Transfer(submission: submission, handle: handle)
        let configured = transfer.configure(submission.request)
        guard configured == CURLE_OK else {
            settle(transfer, with: .success(transfer.response(result: configured)), attached: false)
            return
        }
        let added = curl_multi_add_handle(multi, handle.raw)
        guard added == CURLM_OK else {
            let detail = String(cString: curl_multi_strerror(added))
            settle(transfer, with: .success(Transfer.failure(CURLE_FAILED_INIT, detail: detail)), attached: false)
            return
        }
        active[transfer.id] = transfer
    }

    private func cancel(_ id: UInt64) {
        guard let transfer = active.removeValue(forKey: id) else { return }
        settle(transfer, with: .failure(CancellationError()), attached: true)
    }

    private func completeFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE,
                let easy = message.pointee.easy_handle,
                let context = EasyHandle.privatePointer(of: easy)
            else { continue }
            let result = message.pointee.data.result
            let transfer = Transfer.from(context)
            active.removeValue(forKey: transfer.id)
            settle(transfer, with: .success(transfer.response(result: result)), attached: true)
        }
    }

    /// Detaches the transfer from libcurl, recycles its handle, then resumes the caller.
    ///
    /// The handle is reset before the transfer's lists are freed, so libcurl never holds a dangling pointer.
    private func settle(_ transfer: Transfer, with outcome: Result<CurlResponse, any Error>, attached: Bool) {
        if attached {
            curl_multi_remove_handle(multi, transfer.handle.raw)
        }
        pool.give(transfer.handle)
        transfer.releaseLists()
        transfer.continuation.resume(with: outcome)
    }

    private func failAllActive() {
        let transfers = active.values
        active.removeAll()
        for transfer in transfers {
            settle(transfer, with: .failure(CurlEngineError.shutdown), attached: true)
        }
        pool.removeAll()
        logger.debug("curl.engine stopped", metadata: ["curl.failed_in_flight": "\(transfers.count)"])
    }
}
