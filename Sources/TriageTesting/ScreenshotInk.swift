import Foundation

/// What a screenshot shows, measured by `scripts/servers/chromium/png_ink.py` (which decodes the
/// PNG with zlib): its size, its background (the commonest colour), the share of pixels painted
/// otherwise, and how many pixels have each colour asked for.
public struct ScreenshotInk: Decodable, Sendable {
    public var width: Int
    public var height: Int
    public var background: String
    public var ink: Double
    public var colours: Int
    public var counts: [String: Int]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Measures `png`; blocks while python3 runs (about 0.1 s), so async callers run it off the pool.
    public init(_ png: URL, counting colours: [String] = []) throws {
        let script = TestArtefacts.repository.appendingPathComponent("scripts/servers/chromium/png_ink.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, png.path] + colours
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "png_ink.py \(png.path) failed: \(String(decoding: message, as: UTF8.self))")
        }
        self = try JSONDecoder().decode(Self.self, from: data)
    }
}
