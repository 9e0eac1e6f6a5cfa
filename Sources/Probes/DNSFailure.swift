import DNSResolver
import Foundation
import TriageCore

/// Maps the resolver's lookup errors to Triage's failure classes and to sentences a person reads at night.
enum DNSFailure {
    /// What was asked, and of whom, as the reasons name it.
    struct Question {
        var type: String
        var name: String
        /// `127.0.0.1:5353`, or `the system resolver`.
        var server: String

        init(spec: DNSCheckSpec) {
            type = spec.type.rawValue
            name = spec.name
            server = spec.server?.description ?? "the system resolver"
        }
    }

    static func classify(_ error: DNSLookupError) -> FailureClass {
        switch error.kind {
        case .nameNotFound, .noData, .serverFailure, .refused: .dnsFailure
        case .timeout: .timeout
        case .connectionRefused: .connectionRefused
        case .unreachable: .unreachable
        case .badResponse, .badName, .other: .protocolError
        }
    }

    static func reason(for error: DNSLookupError, question: Question, timeout: Duration) -> String {
        let server = question.server
        return switch error.kind {
        case .nameNotFound: "\(question.name) does not exist (NXDOMAIN from \(server))"
        case .noData: "\(question.name) has no \(question.type) record (NODATA from \(server))"
        case .serverFailure: "\(server) failed to answer for \(question.name) (SERVFAIL)"
        case .refused: "\(server) refused to answer for \(question.name) (REFUSED)"
        case .timeout: "no answer from \(server) within \(timeout.inWords)"
        case .connectionRefused: "nothing answers DNS at \(server) (\(error.message))"
        case .unreachable: "\(server) is unreachable (\(error.message))"
        case .badResponse: "\(server) sent an unusable answer for \(question.name) (\(error.message))"
        case .badName: "\(question.name) cannot be asked (\(error.message))"
        case .other: "lookup of \(question.name) failed: \(error.message) (c-ares status \(error.status))"
        }
    }
}
