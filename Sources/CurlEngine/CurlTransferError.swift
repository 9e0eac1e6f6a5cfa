import Foundation

/// Why a transfer failed: libcurl's code, its class and the words libcurl gave.
public struct CurlTransferError: Error, Sendable, Hashable {
    /// The `CURLcode`.
    public var code: Int32
    /// What kind of failure the code (and the socket error behind it) stands for.
    public var kind: Kind
    /// `curl_easy_strerror` followed by the detail of CURLOPT_ERRORBUFFER, for people to read.
    public var message: String

    public init(code: Int32, kind: Kind, message: String) {
        self.code = code
        self.kind = kind
        self.message = message
    }

    /// A closed classification of `CURLcode`s, so probes decide on a kind rather than on raw numbers.
    ///
    /// | kind | CURLcode |
    /// |---|---|
    /// | `invalidRequest` | 1 unsupported protocol, 3 malformed URL |
    /// | `couldNotResolve` | 6 |
    /// | `connectionRefused` | 7 when the socket error is ECONNREFUSED (nothing listens on the port) |
    /// | `unreachable` | 7 when the socket error is ENETUNREACH or EHOSTUNREACH (no route: the network, not the server) |
    /// | `couldNotConnect` | 7 otherwise (a connect timeout inside the OS, or no socket error reported) |
    /// | `weirdReply` | 8 |
    /// | `remoteAccessDenied` | 9 |
    /// | `partialBody` | 18 (the connection closed before the announced body length) |
    /// | `timeout` | 28 |
    /// | `tooManyRedirects` | 47 |
    /// | `emptyReply` | 52 (the server closed without a byte of reply) |
    /// | `connectionReset` | 55 and 56 when the socket error is ECONNRESET (or EPIPE on send) |
    /// | `sendError` | 55 otherwise (also an SMTP recipient refused: see `CurlResponse.statusCode`) |
    /// | `recvError` | 56 otherwise |
    /// | `loginDenied` | 67 |
    /// | `tls` | 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91 |
    /// | `other` | anything else |
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case invalidRequest
        case couldNotResolve
        case connectionRefused
        case unreachable
        case couldNotConnect
        case weirdReply
        case remoteAccessDenied
        case partialBody
        case timeout
        case tooManyRedirects
        case emptyReply
        case connectionReset
        case sendError
        case recvError
        case loginDenied
        case tls
        case other

        /// The TLS-related codes: handshake, certificates, keys, pinning and shutdown.
        static let tlsCodes: Set<Int32> = [35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91]

        /// Classifies `code`, using the socket's `errno` (CURLINFO_OS_ERRNO) where one code covers
        /// failures that an operator treats differently, such as a refused versus an unreachable port.
        public init(code: Int32, osErrno: Int32) {
            switch code {
            case 1, 3: self = .invalidRequest
            case 6: self = .couldNotResolve
            case 7 where osErrno == Errno.connectionRefused: self = .connectionRefused
            case 7 where Errno.isUnreachable(osErrno): self = .unreachable
            case 7: self = .couldNotConnect
            case 8: self = .weirdReply
            case 9: self = .remoteAccessDenied
            case 18: self = .partialBody
            case 28: self = .timeout
            case 47: self = .tooManyRedirects
            case 52: self = .emptyReply
            case 55: self = Errno.isReset(osErrno) ? .connectionReset : .sendError
            case 56: self = osErrno == Errno.connectionReset ? .connectionReset : .recvError
            case 67: self = .loginDenied
            case _ where Self.tlsCodes.contains(code): self = .tls
            default: self = .other
            }
        }
    }
}

/// The socket errors the classification looks at, from the platform's C library.
enum Errno {
    static let connectionReset = ECONNRESET
    static let connectionRefused = ECONNREFUSED

    /// No route to the network or the host: the path is missing, not the server refusing.
    static func isUnreachable(_ value: Int32) -> Bool {
        value == ENETUNREACH || value == EHOSTUNREACH
    }

    /// A reset seen while sending shows as ECONNRESET or, once the peer is gone, as EPIPE.
    static func isReset(_ value: Int32) -> Bool {
        value == ECONNRESET || value == EPIPE
    }
}

/// Failures of the engine itself, as opposed to a transfer's (which come back in `CurlResponse.error`).
public enum CurlEngineError: Error, Sendable, Hashable {
    /// `curl_global_init` failed with this `CURLcode`: libcurl cannot be used in this process.
    case globalInitFailed(code: Int32)
    /// `curl_multi_init` returned no handle (out of memory).
    case multiInitFailed
    /// The engine was shut down before or while the transfer ran; the caller is stopping too.
    case shutdown
}
