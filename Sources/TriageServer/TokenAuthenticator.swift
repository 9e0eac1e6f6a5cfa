import Hummingbird
import HummingbirdAuth
import TicketStore
import TriageCore

/// Finds the account of `Authorization: Bearer <token>` by the token's SHA-256 digest. A missing,
/// unknown or disabled-account token leaves the request anonymous; the route then answers 401.
/// Only tokens are accepted: a password would cost a bcrypt verification (a quarter of a second at
/// cost 12) on every request.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = APIContext

    let store: any AccountStore
    let clock: any TriageClock

    func authenticate(request: Request, context: APIContext) async throws -> Account? {
        guard let bearer = request.headers.bearer else { return nil }
        return try await store.account(tokenDigest: APIToken(value: bearer.token).digest, usedAt: clock.now)
    }
}
