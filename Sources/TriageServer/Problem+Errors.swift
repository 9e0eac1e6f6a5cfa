import Foundation
import Hummingbird
import TicketStore
import TriageApp
import TriageCore

extension Problem {
    /// The problem an error thrown by a route stands for: desk refusals keep their sentence (409 for
    /// a ticket in the wrong state, 404 for an unknown one, 400 for bad input); an error the API
    /// does not know is a 500 whose detail reveals nothing (the server log has it).
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let problem as Problem: problem
        case let error as HTTPError: Problem(error.status, detail: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            Problem(.contentTooLarge, detail: "the body is larger than \(JSONBody.maxBytes) bytes")
        case let error as TicketActionError: from(error)
        case let error as DeskError: Problem(.badRequest, type: "urn:triage:problem:desk", detail: error.description)
        case let error as AccountError: from(error)
        case let error as AccountInputError: Problem(.badRequest, type: "urn:triage:problem:account", detail: error.description)
        case let error as DecodingError: from(error)
        default: nil
        }
    }

    private static func from(_ error: TicketActionError) -> Problem {
        if case .unknownTicket = error { return Problem(.notFound, detail: error.description) }
        return Problem(.conflict, type: "urn:triage:problem:ticket-action", detail: error.description)
    }

    private static func from(_ error: AccountError) -> Problem {
        switch error {
        case .unknownAccount, .unknownToken: Problem(.notFound, detail: error.description)
        case .nameTaken, .disabled: Problem(.conflict, type: "urn:triage:problem:account", detail: error.description)
        }
    }

    /// A body that is not the expected JSON, naming the field at fault.
    static func from(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            (context.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".")
        }
        let (field, detail): (String, String) =
            switch error {
            case .keyNotFound(let key, let context): (path(context, key), "the body lacks \(path(context, key))")
            case .typeMismatch(let type, let context): (path(context), "\(path(context)) must be \(Self.name(of: type))")
            case .valueNotFound(let type, let context): (path(context), "\(path(context)) must be \(Self.name(of: type)), not null")
            case .dataCorrupted(let context):
                (path(context), path(context).isEmpty ? "the body is not JSON" : "\(path(context)): \(context.debugDescription)")
            @unknown default: ("", "the body is not the expected JSON")
            }
        return Problem(.badRequest, type: "urn:triage:problem:body", detail: detail, field: field.isEmpty ? nil : field)
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
