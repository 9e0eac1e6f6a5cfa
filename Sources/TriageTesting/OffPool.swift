import Foundation

/// Runs blocking work (a child process waited for) on a thread outside Swift's cooperative pool,
/// which has one thread per core: blocking one of them would stall the suites running beside.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
