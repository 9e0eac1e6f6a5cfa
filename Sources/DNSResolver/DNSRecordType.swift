import CAres

/// The record types the resolver asks for: those a hosting provider's checks need (addresses,
/// aliases, mail exchangers, text records such as SPF, delegation).
public enum DNSRecordType: String, Sendable, Hashable, CaseIterable {
    case a = "A"
    case aaaa = "AAAA"
    case cname = "CNAME"
    case mx = "MX"
    case txt = "TXT"
    case ns = "NS"

    /// The type's number on the wire (RFC 1035, RFC 3596), as `ares_query` takes it.
    var code: Int32 {
        switch self {
        case .a: 1
        case .aaaa: 28
        case .cname: 5
        case .mx: 15
        case .txt: 16
        case .ns: 2
        }
    }
}
