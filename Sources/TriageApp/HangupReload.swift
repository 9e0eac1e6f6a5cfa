import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on each SIGHUP, the Unix way of saying "re-read your files"
/// (`systemctl reload triage`, `kill -HUP PID`), until the service group shuts down.
struct HangupReload: Service {
    let reloader: ConfigReloader

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        try? await cancelWhenGracefulShutdown {
            for await _ in hangups {
                _ = await reloader.reload()
            }
        }
    }
}
