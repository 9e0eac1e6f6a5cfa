import Foundation

/// IP addresses and domain names as DNS checks write them, read with the system's `inet_pton`
/// and put in one canonical form, so `2001:DB8:0::10` in a probe file matches the resolver's
/// `2001:db8::10`.
enum AddressSyntax {
    /// The canonical text of an IPv4 (`AF_INET`) or IPv6 (`AF_INET6`) address; nil when `text` is not one.
    static func canonicalIP(_ text: String, family: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, text, &bytes) == 1 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { buffer in
            inet_ntop(family, bytes, buffer.baseAddress, socklen_t(buffer.count)).map { String(cString: $0) }
        }
    }

    /// Either kind of address, canonical; nil when `text` is neither.
    static func canonicalIP(_ text: String) -> String? {
        canonicalIP(text, family: AF_INET) ?? canonicalIP(text, family: AF_INET6)
    }

    /// A domain name in lowercase without the root's final dot; nil when it is not one: labels
    /// of letters, digits, dashes and underscores (`_dmarc`), 1 to 63 characters, 253 in all.
    static func domainName(_ text: String) -> String? {
        let name = (text.hasSuffix(".") ? String(text.dropLast()) : text).lowercased()
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.count <= 253 else { return nil }
        let valid = labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
        }
        return valid ? name : nil
    }
}
