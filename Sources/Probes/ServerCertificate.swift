import Foundation

/// The facts a certificate check needs from a server's leaf certificate, read from the
/// `Name:value` fields libcurl gives for CURLINFO_CERTINFO.
struct ServerCertificate: Equatable {
    /// The subject as libcurl prints it, such as `CN = localhost`.
    var subject: String
    /// The end of the validity period (`Expire date:`).
    var expiresAt: Date

    /// The leaf (first) certificate of `chain`; nil when there is none or its expiry is unreadable.
    init?(chain: [[String]]) {
        guard let leaf = chain.first else { return nil }
        self.init(fields: leaf)
    }

    /// - Parameter fields: one certificate's lines, such as `Expire date:Nov 26 12:00:00 2027 GMT`.
    init?(fields: [String]) {
        func value(_ name: String) -> String? {
            fields.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
        }
        guard let expiry = value("Expire date").flatMap(Self.parseDate) else { return nil }
        subject = value("Subject") ?? ""
        expiresAt = expiry
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// OpenSSL's `ASN1_TIME_print` form, `Nov 26 12:00:00 2027 GMT` (the day padded with a space
    /// when it has one digit), parsed by hand so no locale or formatter state is involved.
    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 5, parts[4] == "GMT", let month = months.firstIndex(of: String(parts[0])),
            let day = Int(parts[1]), let year = Int(parts[3])
        else { return nil }
        let clock = parts[2].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(
            year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2]
        )
        return calendar.date(from: components)
    }
}
