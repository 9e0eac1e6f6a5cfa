import Foundation
import TriageCore

/// The dashboard's browser sessions, held in the server's memory: a random id the browser keeps
/// in a cookie, the account it signed in as, and the CSRF token its forms carry. A session ends
/// after ``idleLimit`` without a request, measured on the injected clock (tests advance it), or
/// at logout; a restart signs everyone out, which a dashboard can afford.
///
/// ```swift
/// let session = await sessions.open(for: "alice")
/// let again = await sessions.session(id: session.id)   // nil once idle for 12 hours
/// ```
actor BrowserSessions {
    /// What a browser's cookie stands for.
    struct Session: Sendable, Hashable {
        var id: String
        var account: String
        /// Sent in every state-changing form and compared on POST: another site can make the
        /// browser post, but cannot read this token out of our pages.
        var csrfToken: String
        var lastSeen: Date
    }

    /// Twelve hours: an on-call shift stays signed in, a forgotten browser does not stay so overnight.
    static let idleLimit: TimeInterval = 12 * 3600

    private let clock: any TriageClock
    private var sessions: [String: Session] = [:]

    init(clock: any TriageClock) {
        self.clock = clock
    }

    /// A new session for `account`, with fresh random id and CSRF token; expired ones are dropped
    /// first, so abandoned sessions do not pile up.
    func open(for account: String) -> Session {
        let now = clock.now
        sessions = sessions.filter { !Self.isExpired($0.value, now: now) }
        let session = Session(id: APIToken.generate().value, account: account, csrfToken: APIToken.generate().value, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// The live session of `id`, its idle time restarted; nil (and forgotten) once expired.
    func session(id: String) -> Session? {
        let now = clock.now
        guard var session = sessions[id] else { return nil }
        guard !Self.isExpired(session, now: now) else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    /// Ends the session (logout, or its account was disabled).
    func close(id: String) {
        sessions[id] = nil
    }

    private static func isExpired(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) >= idleLimit
    }
}
