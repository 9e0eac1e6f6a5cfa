import CurlEngine
import Foundation
import TriageCore

/// Maps libcurl's transfer errors to Triage's failure classes and to sentences a person reads at night.
enum TransferFailure {
    static func classify(_ error: CurlTransferError) -> FailureClass {
        switch error.kind {
        case .couldNotResolve: .dnsFailure
        case .connectionRefused: .connectionRefused
        case .couldNotConnect: .connectFailure
        case .unreachable: .unreachable
        case .timeout: .timeout
        case .tls: .tlsFailure
        case .tooManyRedirects: .tooManyRedirects
        case .emptyReply: .emptyReply
        case .connectionReset: .connectionReset
        default: .protocolError
        }
    }

    static func reason(for error: CurlTransferError, timeout: Duration) -> String {
        switch error.kind {
        case .couldNotResolve: "host name not found (\(error.message))"
        case .connectionRefused: "connection refused"
        case .couldNotConnect: "could not connect (\(error.message))"
        case .unreachable: "network or host unreachable (\(error.message))"
        case .timeout: "timed out after \(timeout.inWords) (\(error.message))"
        case .tls: "TLS failure (\(error.message))"
        case .tooManyRedirects: "too many redirects (\(error.message))"
        case .emptyReply: "the server closed the connection without answering"
        case .connectionReset: "connection reset by the server (\(error.message))"
        default: "transfer failed: \(error.message) (curl code \(error.code))"
        }
    }
}
