import CAres
import Glibc

/// Decodes an answer with c-ares' own parsers, one per record type: Triage parses no DNS itself.
enum AnswerParser {
    typealias Parsed = (records: [DNSRecord], status: Int32)
    private typealias HostParser = (UnsafeMutablePointer<UnsafeMutablePointer<hostent>?>) -> Int32

    /// The records of `type` in `answer`, or the c-ares status of a failed parse.
    static func records(of type: DNSRecordType, in answer: UnsafePointer<UInt8>, length: Int32) -> Parsed {
        switch type {
        case .a:
            return host({ ares_parse_a_reply(answer, length, $0, nil, nil) }) { addresses(of: $0, family: AF_INET).map(DNSRecord.a) }
        case .aaaa:
            return host({ ares_parse_aaaa_reply(answer, length, $0, nil, nil) }) {
                addresses(of: $0, family: AF_INET6).map(DNSRecord.aaaa)
            }
        case .cname:
            // Read as an address answer, c-ares follows the alias: its target is `h_name` and
            // the queried name is among the aliases (none when the name is no alias).
            return host({ ares_parse_a_reply(answer, length, $0, nil, nil) }) { entry in
                strings(entry.h_aliases).isEmpty ? [] : [.cname(DNSRecord.normalized(String(cString: entry.h_name)))]
            }
        case .ns:
            return host({ ares_parse_ns_reply(answer, length, $0) }) { strings($0.h_aliases).map { .ns(DNSRecord.normalized($0)) } }
        case .mx:
            return mailExchangers(answer, length: length)
        case .txt:
            return texts(answer, length: length)
        }
    }

    /// Runs a parser that allocates a `hostent`, reads it, and frees it.
    private static func host(_ parse: HostParser, _ read: (hostent) -> [DNSRecord]) -> Parsed {
        var entry: UnsafeMutablePointer<hostent>?
        let status = parse(&entry)
        guard status == ARES_SUCCESS, let entry else { return ([], status) }
        defer { ares_free_hostent(entry) }
        return (read(entry.pointee), ARES_SUCCESS)
    }

    private static func mailExchangers(_ answer: UnsafePointer<UInt8>, length: Int32) -> Parsed {
        var first: UnsafeMutablePointer<ares_mx_reply>?
        let status = ares_parse_mx_reply(answer, length, &first)
        guard status == ARES_SUCCESS else { return ([], status) }
        defer { ares_free_data(first) }
        var records: [DNSRecord] = []
        var next = first
        while let reply = next {
            records.append(.mx(preference: Int(reply.pointee.priority), host: DNSRecord.normalized(String(cString: reply.pointee.host))))
            next = reply.pointee.next
        }
        return (records, ARES_SUCCESS)
    }

    /// TXT records, each the concatenation of its character strings (`record_start` opens a record).
    private static func texts(_ answer: UnsafePointer<UInt8>, length: Int32) -> Parsed {
        var first: UnsafeMutablePointer<ares_txt_ext>?
        let status = ares_parse_txt_reply_ext(answer, length, &first)
        guard status == ARES_SUCCESS else { return ([], status) }
        defer { ares_free_data(first) }
        var records: [[UInt8]] = []
        var next = first
        while let chunk = next {
            let bytes = Array(UnsafeBufferPointer(start: chunk.pointee.txt, count: chunk.pointee.length))
            if chunk.pointee.record_start != 0 || records.isEmpty {
                records.append(bytes)
            } else {
                records[records.count - 1] += bytes
            }
            next = chunk.pointee.next
        }
        return (records.map { .txt(String(decoding: $0, as: UTF8.self)) }, ARES_SUCCESS)
    }

    /// The addresses of a `hostent` in their canonical text form (`inet_ntop`).
    private static func addresses(of entry: hostent, family: Int32) -> [String] {
        var result: [String] = []
        var index = 0
        while let list = entry.h_addr_list, let address = list[index] {
            let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { buffer in
                inet_ntop(family, address, buffer.baseAddress, socklen_t(buffer.count)).map { String(cString: $0) }
            }
            if let text { result.append(text) }
            index += 1
        }
        return result
    }

    /// A NULL-terminated C array of strings.
    private static func strings(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
        var result: [String] = []
        var index = 0
        while let list, let item = list[index] {
            result.append(String(cString: item))
            index += 1
        }
        return result
    }
}
