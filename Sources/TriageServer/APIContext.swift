import Hummingbird
import HummingbirdAuth
import NIOCore
import TicketStore

/// The request context of the API and the dashboard: Hummingbird's, the account a token named,
/// and the client's address, which the dashboard's login throttle counts failures by.
public struct APIContext: AuthRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Account?
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        remoteAddress = source.channel.remoteAddress
    }
}
