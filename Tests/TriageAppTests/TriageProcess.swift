import Foundation
import Testing
import TriageTesting

/// The built `triage` executable, run as a user runs it: in a working folder, with arguments,
/// reading its exit status and output. `scripts/test.sh` exports where the build put it.
struct TriageProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let workingDirectory: URL

    static func executable() throws -> URL {
        let directory = try TestServers.require(ProcessInfo.processInfo.environment["TRIAGE_TEST_BIN_DIR"], "TRIAGE_TEST_BIN_DIR")
        return URL(fileURLWithPath: directory).appendingPathComponent("triage")
    }

    /// Runs `triage ARGS` to completion, with `input` (when given) piped to its standard input.
    func run(_ arguments: [String], input: String? = nil) throws -> Output {
        let process = try makeProcess(arguments)
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs `triage FIRST | triage SECOND` to completion, as a shell pipeline does; returns both outputs
    /// (the first one's standard output went into the second).
    func pipe(_ first: [String], into second: [String]) throws -> (first: Output, second: Output) {
        let producer = try makeProcess(first)
        let consumer = try makeProcess(second)
        let between = Pipe(), producerErrors = Pipe(), out = Pipe(), err = Pipe()
        producer.standardOutput = between
        producer.standardError = producerErrors
        consumer.standardInput = between
        consumer.standardOutput = out
        consumer.standardError = err
        try producer.run()
        try consumer.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        let producerStderr = producerErrors.fileHandleForReading.readDataToEndOfFile()
        producer.waitUntilExit()
        consumer.waitUntilExit()
        return (
            Output(status: producer.terminationStatus, stdout: "", stderr: String(decoding: producerStderr, as: UTF8.self)),
            Output(status: consumer.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        )
    }

    /// Starts `triage ARGS` in the background (for `triage run`), logging to a file in the workspace.
    func start(_ arguments: [String], log: String) throws -> Process {
        let process = try makeProcess(arguments)
        let logURL = workingDirectory.appendingPathComponent(log)
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logURL)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private func makeProcess(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["TRIAGE_STORE"] = nil
        process.environment = environment
        return process
    }
}

/// A scratch folder laid out like an installation: `config/triage.yml` (the shipped one) and `probes/`.
struct Workspace {
    let root: URL

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("triage-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("probes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("config/triage.yml"), to: root.appendingPathComponent("config/triage.yml")
        )
    }

    func write(_ text: String, to path: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    /// A file of the workspace as text (empty when missing), to show a daemon's log in a failure.
    func read(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    var triage: TriageProcess { TriageProcess(workingDirectory: root) }

    var storePath: String { root.appendingPathComponent("var/triage.sqlite").path }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The port a `serve` or `run --http` process logged as `api.listening http.port=N`.
    func listeningPort(log: String) async throws -> Int {
        var port: Int?
        _ = await eventually(within: 30) { () async -> Bool in
            let line = read(log).split(separator: "\n").first { $0.contains("api.listening") }
            port = line.flatMap { $0.split(separator: " ").first { $0.hasPrefix("http.port=") } }.flatMap { Int($0.dropFirst(10)) }
            return port != nil
        }
        return try #require(port, "\(log): \(read(log))")
    }
}

/// Polls `condition` every 200 ms (real time) until it holds or `seconds` pass.
func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.2)
    }
    return try condition()
}

/// Polls `condition` every 200 ms (real time) until it holds or `seconds` pass, for conditions
/// that ask a server.
func eventually(within seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(200))
    }
    return try await condition()
}
