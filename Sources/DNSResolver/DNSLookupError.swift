import CAres
import Glibc

/// Why a lookup failed: c-ares' status, its class, and the socket error behind it when there was one.
public struct DNSLookupError: Error, Sendable, Hashable {
    /// The c-ares status (`ARES_ENOTFOUND`, `ARES_ETIMEOUT`, ...).
    public var status: Int32
    public var kind: Kind
    /// The last socket error of the lookup (`ENETUNREACH`, `ECONNREFUSED`), 0 when none.
    public var socketError: Int32
    /// `ares_strerror`, and the socket error's words when there is one, for people to read.
    public var message: String

    /// A closed classification of c-ares statuses, so probes decide on a kind rather than on raw numbers.
    ///
    /// | kind | c-ares status |
    /// |---|---|
    /// | `nameNotFound` | ENOTFOUND: the server answered NXDOMAIN |
    /// | `noData` | ENODATA: the name exists but has no record of this type (NOERROR, empty answer) |
    /// | `serverFailure` | ESERVFAIL: the server answered SERVFAIL |
    /// | `refused` | EREFUSED: the server answered REFUSED |
    /// | `badResponse` | EFORMERR, ENOTIMP, EBADRESP: an answer that cannot be used |
    /// | `timeout` | ETIMEOUT, or the query's own deadline |
    /// | `connectionRefused` | ECONNREFUSED with the socket error ECONNREFUSED or none: nothing serves DNS there |
    /// | `unreachable` | ECONNREFUSED with ENETUNREACH, EHOSTUNREACH, ENETDOWN or EHOSTDOWN |
    /// | `badName` | EBADNAME: the name cannot be put in a query |
    /// | `other` | anything else |
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case nameNotFound
        case noData
        case serverFailure
        case refused
        case badResponse
        case timeout
        case connectionRefused
        case unreachable
        case badName
        case other
    }

    public init(status: Int32, socketError: Int32) {
        self.status = status
        self.socketError = socketError
        kind = Self.kind(status: status, socketError: socketError)
        let words = String(cString: ares_strerror(status))
        message = socketError == 0 ? words : "\(words): \(String(cString: strerror(socketError)))"
    }

    /// The DNS response code the status stands for, when it stands for an answer.
    var responseCode: Int? {
        switch status {
        case ARES_ENODATA: 0
        case ARES_EFORMERR: 1
        case ARES_ESERVFAIL: 2
        case ARES_ENOTFOUND: 3
        case ARES_ENOTIMP: 4
        case ARES_EREFUSED: 5
        default: nil
        }
    }

    private static func kind(status: Int32, socketError: Int32) -> Kind {
        switch status {
        case ARES_ENOTFOUND: .nameNotFound
        case ARES_ENODATA: .noData
        case ARES_ESERVFAIL: .serverFailure
        case ARES_EREFUSED: .refused
        case ARES_EFORMERR, ARES_ENOTIMP, ARES_EBADRESP: .badResponse
        case ARES_ETIMEOUT: .timeout
        case ARES_ECONNREFUSED:
            [ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN].contains(socketError) ? .unreachable : .connectionRefused
        case ARES_EBADNAME: .badName
        default: .other
        }
    }
}
