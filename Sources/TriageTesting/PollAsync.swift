import Foundation

/// Polls an async condition every 250 ms (real time) until it holds or `seconds` pass: for what a
/// real server or process does in its own time.
public func pollAsync(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(250))
    }
    return try await condition()
}
