/// One record of an answer, decoded by c-ares' own parsers. Names are lowercase without the
/// final dot, and addresses in their canonical text form, so records compare as text.
public enum DNSRecord: Sendable, Hashable, CustomStringConvertible {
    case a(String)
    case aaaa(String)
    /// The name the queried alias points to.
    case cname(String)
    case mx(preference: Int, host: String)
    /// One TXT record, its character strings joined as RFC 7208 reads them (SPF, DKIM).
    case txt(String)
    case ns(String)

    /// The record's value as a zone file writes it: `192.0.2.10`, `10 mail.example.com`.
    public var description: String {
        switch self {
        case .a(let address), .aaaa(let address): address
        case .cname(let name), .ns(let name): name
        case .mx(let preference, let host): "\(preference) \(host)"
        case .txt(let text): text
        }
    }

    /// A name as records carry it: lowercase, without the root's final dot.
    static func normalized(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}
