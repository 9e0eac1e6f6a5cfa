import Foundation
import TriageCore

/// A check's `dns:` mapping. Every key is optional: `name:` defaults to the host of the site's
/// url, `type:` to A, `server:` to the system's resolvers, and without `expect:` any record of
/// the type will do. `expect:` lists records that must all be in the answer (others may be too).
///
/// ```yaml
/// - dns: {expect: [192.0.2.10]}
/// - dns: {name: acme.example, type: MX, expect: ["10 mail.acme.example"], server: "192.0.2.53:53"}
/// ```
extension DNSCheckSpec {
    static let keys = ["name", "type", "expect", "server"]

    /// The check's spec; nil when anything is wrong (each error is recorded).
    static func decode(_ cursor: NodeCursor, site: SiteContext) -> DNSCheckSpec? {
        let mark = cursor.errors.count
        let map = cursor.isNull ? nil : cursor.mapping()
        let place = "to the check: write it beside dns:, not inside it"
        map?.rejectUnknownKeys(allowed: keys, misplaced: Dictionary(uniqueKeysWithValues: Check.optionKeys.map { ($0, place) }))
        guard cursor.isNull || map != nil else { return nil }
        let name = resolveName(map, cursor: cursor, site: site)
        let typeCursor = map?["type"]
        let type: RecordType? = if let typeCursor {
            typeCursor.choice(RecordType.allCases.map(\.rawValue), noun: "a record type").flatMap(RecordType.init(rawValue:))
        } else {
            .a
        }
        // Records are read by their type, so with a wrong type only that error is reported.
        let expect = type.flatMap { type in map?["expect"].flatMap { records($0, type: type) } }
        let server = map?["server"].flatMap(Self.server)
        guard let name, let type, cursor.errors.noneSince(mark) else { return nil }
        return DNSCheckSpec(name: name, type: type, expect: expect ?? [], server: server)
    }

    /// `name:` as written, else the host of the site's url.
    private static func resolveName(_ map: MapCursor?, cursor: NodeCursor, site: SiteContext) -> String? {
        if let nameCursor = map?["name"] {
            guard let text = nameCursor.scalar(expecting: "a domain name, such as www.example.com") else { return nil }
            guard let name = AddressSyntax.domainName(text) else {
                nameCursor.fail("\"\(text)\" is not a domain name; write labels of letters, digits and dashes joined by dots, such as www.example.com")
                return nil
            }
            return name
        }
        if let host = site.url?.host, let name = AddressSyntax.domainName(host) { return name }
        if !site.urlWritten {
            cursor.fail("has no name to resolve; add name:, such as name: www.example.com, or url: to the site")
        }
        return nil
    }

    /// The expected records, each in the form the resolver gives: at least one when written.
    private static func records(_ cursor: NodeCursor, type: RecordType) -> [String]? {
        guard let items = cursor.oneOrMany() else { return nil }
        guard !items.isEmpty else {
            cursor.fail("is empty; list the records the answer must hold, such as [\(example(type))], or remove expect: to accept any \(type.rawValue) record")
            return nil
        }
        let records = items.compactMap { item -> String? in
            guard let text = item.nonEmptyString(example: example(type)) else { return nil }
            guard let record = record(text, type: type) else {
                item.fail("\"\(text)\" is not \(noun(type)); write it as a zone file does, such as \(example(type))")
                return nil
            }
            return record
        }
        return records.count == items.count ? records : nil
    }

    /// One expected record in canonical form, or nil when it is not a record of `type`.
    private static func record(_ text: String, type: RecordType) -> String? {
        switch type {
        case .a: return AddressSyntax.canonicalIP(text, family: AF_INET)
        case .aaaa: return AddressSyntax.canonicalIP(text, family: AF_INET6)
        case .cname, .ns: return AddressSyntax.domainName(text)
        case .txt: return text
        case .mx:
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 1 { return AddressSyntax.domainName(String(parts[0])) }
            guard parts.count == 2, let preference = UInt16(parts[0]), let host = AddressSyntax.domainName(String(parts[1])) else { return nil }
            return "\(preference) \(host)"
        }
    }

    private static func example(_ type: RecordType) -> String {
        switch type {
        case .a: "192.0.2.10"
        case .aaaa: "2001:db8::10"
        case .cname: "www.example.com"
        case .mx: "10 mail.example.com"
        case .txt: "v=spf1 mx -all"
        case .ns: "ns1.example.com"
        }
    }

    private static func noun(_ type: RecordType) -> String {
        switch type {
        case .a: "an IPv4 address"
        case .aaaa: "an IPv6 address"
        case .cname, .ns: "a domain name"
        case .mx: "a mail server, with its preference first if it matters"
        case .txt: "a text"
        }
    }

    /// `192.0.2.53`, `192.0.2.53:5353`, `2001:db8::53` or `[2001:db8::53]:5353`: c-ares asks a
    /// server by address only, so a host name is an error here.
    private static func server(_ cursor: NodeCursor) -> Server? {
        guard let text = cursor.scalar(expecting: "an address, such as 192.0.2.53") else { return nil }
        let (host, portText) = split(text)
        guard let address = AddressSyntax.canonicalIP(host) else {
            cursor.fail(
                "\"\(text)\" is not a name server address; write an IP address with an optional port, "
                    + "such as 192.0.2.53, 127.0.0.1:5353 or [2001:db8::53]:53"
            )
            return nil
        }
        guard let portText else { return Server(address: address) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            cursor.fail("\"\(text)\" has port \(portText); write a port between 1 and 65535, such as \(host):53")
            return nil
        }
        return Server(address: address, port: port)
    }

    /// The host and the port (nil when none) of `host`, `host:port`, `[v6]` or `[v6]:port`; a bare
    /// IPv6 address (more than one colon) has no port.
    private static func split(_ text: String) -> (host: String, port: String?) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            return (host, rest.hasPrefix(":") ? String(rest.dropFirst()) : (rest.isEmpty ? nil : String(rest)))
        }
        let colons = text.filter { $0 == ":" }.count
        guard colons == 1, let colon = text.firstIndex(of: ":") else { return (text, nil) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
