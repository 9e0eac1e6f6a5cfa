import Foundation
import TriageCore

/// A local program: run with its arguments, the ``NotificationPayload`` JSON on its standard input
/// and `TRIAGE_IDEMPOTENCY_KEY` in its environment. Exit status 0 is delivered; anything else,
/// or running past the timeout (it is then terminated), is a failure retried later.
struct CommandNotifier: Notifier {
    let channel: String
    let arguments: [String]
    let timeout: Duration
    let settings: NotifySettings
    let clock: any TriageClock

    func send(_ notification: TicketNotification, idempotencyKey: String) async throws {
        let payload = NotificationPayload(
            notification: notification, link: settings.link(toTicket: notification.ticket.id), now: clock.now
        )
        let input = try HTTPPost.json(payload)
        let (status, errorOutput) = try await run(input: input, idempotencyKey: idempotencyKey)
        guard status == 0 else {
            let said = errorOutput.isEmpty ? "" : ": \(errorOutput.prefix(200))"
            throw DeliveryFailure(channel: channel, message: "\(arguments[0]) exited with status \(status)\(said)")
        }
    }

    /// A program that exits without reading its input makes the write fail with EPIPE; by default
    /// the kernel would also kill this whole process with SIGPIPE. Ignoring it (once, for the
    /// process, as daemons do) turns that into an ordinary failed write and a status to report.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    private func run(input: [UInt8], idempotencyKey: String) async throws -> (Int32, String) {
        Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(["TRIAGE_IDEMPOTENCY_KEY": idempotencyKey]) { $1 }
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let finished = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished.continuation.yield($0.terminationStatus) }
        do {
            try process.run()
        } catch {
            throw DeliveryFailure(channel: channel, message: "could not run \(arguments[0]): \(error.localizedDescription)")
        }
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        let timeout = self.timeout
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        defer { watchdog.cancel() }
        var iterator = finished.stream.makeAsyncIterator()
        let status = await iterator.next() ?? -1
        let errorOutput = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationReason == .uncaughtSignal, !watchdog.isCancelled {
            throw DeliveryFailure(channel: channel, message: "\(arguments[0]) did not finish within \(timeout.inWords)")
        }
        return (status, errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
