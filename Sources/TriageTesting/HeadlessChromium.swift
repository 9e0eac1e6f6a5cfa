import Foundation

/// The real headless Chromium of scripts/servers/70-chromium.sh, opening a file the way a
/// reader's browser does: its DOM after parsing, or a screenshot at a window size. Each run has
/// its own profile folder and a deadline (coreutils `timeout`, which stops the browser's whole
/// process group), so a hung browser fails its test instead of hanging the suite.
///
/// For a page that needs a live browser (scripts that run, forms, cookies), use ``BrowserSession``.
public struct HeadlessChromium {
    public static let deadlineSeconds = 60

    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var log: String

        public var description: String {
            let why = status == 124 ? "timed out after \(HeadlessChromium.deadlineSeconds) s" : "exited with status \(status)"
            return "chromium \(arguments.joined(separator: " ")) \(why); its log ends:\n\(log.suffix(2_000))"
        }
    }

    public let binary: String
    public let folder: URL

    /// - Parameter folder: where the profile and the browser's log go.
    public init(folder: URL) throws {
        binary = try TestServers.require(TestServers.chromium, "TRIAGE_TEST_CHROMIUM")
        self.folder = folder
    }

    /// The document as the browser parsed it, serialised back (`--dump-dom`).
    public func dumpDOM(_ file: URL) throws -> String {
        try run(["--dump-dom", file.absoluteString])
    }

    /// A PNG of the page's first `width` × `height` pixels.
    public func screenshot(_ file: URL, width: Int, height: Int, to png: URL) throws {
        try? FileManager.default.removeItem(at: png)
        _ = try run(["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(png.path)", file.absoluteString])
        guard FileManager.default.fileExists(atPath: png.path) else {
            throw Failure(arguments: ["--screenshot"], status: 0, log: "no screenshot was written to \(png.path)")
        }
    }

    private func run(_ arguments: [String]) throws -> String {
        let profile = folder.appendingPathComponent("profile-\(UUID().uuidString)")
        let log = folder.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        let flags = ["--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"]
        process.arguments = ["--kill-after=5", String(Self.deadlineSeconds), binary] + flags + arguments
        let output = Pipe()
        process.standardOutput = output
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardError = logHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(arguments: arguments, status: process.terminationStatus, log: text)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
