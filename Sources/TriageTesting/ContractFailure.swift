/// A broken promise of a seam's contract, with the expectation in words and where it was checked.
///
/// Contract checks live in this library, which links no test framework, so they report by
/// throwing; any test target calls them from its own tests and sees this error as the failure.
public struct ContractFailure: Error, CustomStringConvertible, Sendable {
    /// What was expected and what happened instead.
    public var message: String
    /// The contract source line that checked it, such as `TriageTesting/TicketStoreContract+Incidents.swift:42`.
    public var location: String

    public init(_ message: String, location: String) {
        self.message = message
        self.location = location
    }

    public var description: String { "contract broken at \(location): \(message)" }
}

/// The expectations contract checks are written with; each throws `ContractFailure`.
enum Expect {
    /// Fails with `message` unless `condition` holds.
    static func that(
        _ condition: Bool, _ message: @autoclosure () -> String, fileID: String = #fileID, line: Int = #line
    ) throws {
        if !condition { throw ContractFailure(message(), location: "\(fileID):\(line)") }
    }

    /// Fails unless `actual` equals `expected`, showing both.
    static func equal<Value: Equatable>(
        _ actual: Value, _ expected: Value, _ what: String, fileID: String = #fileID, line: Int = #line
    ) throws {
        if actual != expected {
            throw ContractFailure("\(what): expected \(expected), got \(actual)", location: "\(fileID):\(line)")
        }
    }

    /// Returns `value`, or fails saying that `what` was missing.
    static func present<Value>(
        _ value: Value?, _ what: String, fileID: String = #fileID, line: Int = #line
    ) throws -> Value {
        guard let value else {
            throw ContractFailure("\(what): expected a value, got nil", location: "\(fileID):\(line)")
        }
        return value
    }

    /// Runs `body` and fails unless it throws exactly `expected`: a refusal is part of a contract,
    /// so the wrong refusal (or a wrapped one) breaks it as surely as a success does.
    static func throwsError<Failure: Error & Equatable, Value>(
        _ expected: Failure, _ what: String, fileID: String = #fileID, line: Int = #line,
        _ body: () async throws -> Value
    ) async throws {
        let location = "\(fileID):\(line)"
        let value: Value
        do {
            value = try await body()
        } catch let error as Failure {
            if error != expected {
                throw ContractFailure("\(what): expected error \(expected), got \(error)", location: location)
            }
            return
        } catch {
            throw ContractFailure(
                "\(what): expected error \(expected), got \(type(of: error)): \(error)", location: location
            )
        }
        throw ContractFailure("\(what): expected error \(expected), got success: \(value)", location: location)
    }
}
