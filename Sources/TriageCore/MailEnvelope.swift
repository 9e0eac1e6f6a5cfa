/// Who a probe message is from and who it goes to.
public struct MailEnvelope: Sendable, Hashable {
    public var from: String
    public var to: [String]

    public init(from: String, to: [String]) {
        self.from = from
        self.to = to
    }
}
