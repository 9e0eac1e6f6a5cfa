import Foundation
import Synchronization

/// One real Chromium process with a profile folder of its own, started in a new process group so
/// that stopping it stops its zygotes, renderers and GPU process too: a test must never leave a
/// browser running, whatever way it ends (``terminate()``, or this object's `deinit` when a test
/// dropped its session without closing it).
///
/// The process is spawned directly (`posix_spawn`), not through `/usr/bin/chromium-headless-shell`'s
/// shell wrapper, so the pid held here is the browser's, and its group is the browser's group.
final class BrowserProcess: Sendable {
    /// The browser's pid, which is also its process group's id.
    let pid: pid_t
    /// Holds the profile (`profile/`) and the browser's stdout and stderr (`browser.log`).
    let folder: URL
    private let reaped = Mutex(false)

    /// Starts `binary` with `arguments` and `--user-data-dir` set to a new temporary profile.
    init(binary: String, arguments: [String]) throws(BrowserError) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-browser-\(UUID().uuidString)")
        let profile = folder.appendingPathComponent("profile")
        do {
            try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        } catch {
            throw BrowserError(.launch("cannot create the profile folder \(profile.path): \(error)"))
        }
        let argv = [binary, "--user-data-dir=\(profile.path)"] + arguments
        let log = folder.appendingPathComponent("browser.log").path
        var spawned = pid_t()
        let status = Self.spawn(argv, log: log, pid: &spawned)
        guard status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw BrowserError(.launch("posix_spawn \(binary) failed: \(String(cString: strerror(status)))"))
        }
        pid = spawned
    }

    deinit {
        guard !hasExited() else { return removeFolder() }
        let pid = pid
        let folder = folder
        // A deinit may run on Swift's cooperative pool: the stop, which waits, runs on a thread of its own.
        DispatchQueue.global().async { Self.stop(pid: pid, folder: folder) }
    }

    /// The port of the DevTools endpoint, read from the `DevToolsActivePort` file the browser
    /// writes into its profile once it listens; polled until `timeout`.
    func devToolsPort(within timeout: Duration) async throws(BrowserError) -> Int {
        let file = folder.appendingPathComponent("profile/DevToolsActivePort")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
                let line = text.split(separator: "\n").first, let port = Int(line)
            {
                return port
            }
            if hasExited() { throw BrowserError(.launch("the browser exited before it listened"), log: logTail()) }
            do { try await Task.sleep(for: .milliseconds(25)) } catch { break }
        }
        throw BrowserError(.timeout(what: "the browser's DevToolsActivePort", after: timeout), log: logTail())
    }

    /// The end of the browser's stdout and stderr, for error messages.
    func logTail(characters: Int = 3_000) -> String {
        let text = (try? String(contentsOf: folder.appendingPathComponent("browser.log"), encoding: .utf8)) ?? ""
        return String(text.suffix(characters))
    }

    /// Stops the browser and removes its folder, waiting on a thread outside Swift's cooperative pool.
    func terminate() async {
        guard !hasExited() else {
            kill(-pid, SIGKILL)  // a child the browser left behind when it exited
            return removeFolder()
        }
        let pid = pid
        let folder = folder
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                Self.stop(pid: pid, folder: folder)
                done.resume()
            }
        }
        reaped.withLock { $0 = true }
    }

    /// Whether the browser exited (and was reaped here); never blocks.
    func hasExited() -> Bool {
        reaped.withLock { reaped in
            guard !reaped else { return true }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            reaped = result == pid || (result == -1 && errno == ECHILD)
            return reaped
        }
    }

    /// SIGTERM first: the browser then shuts down its own children and reaps them (this machine's
    /// init does not reap orphans, which would stay as zombies); after 3 s, SIGKILL to the whole
    /// group; then SIGKILL to the group again for a child slower than its parent. Blocks.
    private static func stop(pid: pid_t, folder: URL) {
        kill(pid, SIGTERM)
        if !waitForExit(pid, within: .seconds(3)) {
            kill(-pid, SIGKILL)
            _ = waitForExit(pid, within: .seconds(5))
        }
        kill(-pid, SIGKILL)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Reaps `pid` if it exits within `timeout`; true too when it was already reaped elsewhere.
    private static func waitForExit(_ pid: pid_t, within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result == -1 && errno == ECHILD) { return true }
            usleep(20_000)
        }
        return false
    }

    private func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `posix_spawn` in a new process group, stdin from /dev/null, stdout and stderr into `log`,
    /// no other descriptor inherited (a pipe of another test's process kept open by the browser
    /// would hang that test), default signal dispositions and an empty signal mask.
    private static func spawn(_ argv: [String], log: String, pid: inout pid_t) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let closing = closeFrom(3, &actions)
        guard closing == 0 else { return closing }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        return posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not import (a GNU extension): looked up at run time. Fails the spawn when missing.
    private static func closeFrom(_ first: Int32, _ actions: inout posix_spawn_file_actions_t) -> Int32 {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return ENOSYS
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, first)
    }
}
