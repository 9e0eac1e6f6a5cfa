import Foundation

/// A TLS certificate check of an https site: the certificate must be trusted, match the host
/// and stay valid for longer than `warnWithin`, so a renewal that failed is noticed days
/// before visitors meet a browser warning.
public struct TLSCheckSpec: Sendable, Hashable {
    /// The https URL whose server certificate is read; only its host and port matter.
    public var url: URL
    /// A certificate that expires within this time is reported as expiring (degraded).
    public var warnWithin: Duration
    /// A PEM file of the certificate authorities to trust instead of the system's; nil trusts
    /// the system store.
    public var caFile: String?

    public init(url: URL, warnWithin: Duration = .seconds(14 * 86_400), caFile: String? = nil) {
        self.url = url
        self.warnWithin = warnWithin
        self.caFile = caFile
    }
}
