import TriageCore

/// What the inbound routes need at one request, taken from the configuration in force: the token
/// senders must present and the receiver that turns their alerts into tickets (with the plans,
/// reopen window and default customer of that configuration). Asked per request so that a reload
/// changing `inbound.token` or `inbound.customer` is honoured without a restart.
public struct InboundIntake: Sendable {
    public let token: Secret
    public let receiver: InboundReceiver

    public init(token: Secret, receiver: InboundReceiver) {
        self.token = token
        self.receiver = receiver
    }
}
