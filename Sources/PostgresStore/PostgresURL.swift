import Foundation
import PostgresNIO
import TicketStore

/// A `postgres://user:password@host:port/database?sslmode=...` URL, read into what `PostgresClient`
/// needs; its ``description`` never shows the password, so logs and errors can name the store.
///
/// TLS follows libpq's `sslmode` where it is asked for: `require` encrypts without checking the
/// server's certificate; `verify-ca` checks it against the trusted roots; `verify-full` checks the
/// host name too. `sslrootcert=FILE` names the roots (default: the system's). Without `sslmode`
/// (or with `disable`) the connection is plain: a store on another machine should ask for TLS.
///
/// ```swift
/// let url = try PostgresURL("postgres://triage:secret@db.internal:5432/triage?sslmode=verify-full")
/// print(url) // postgres://triage:***@db.internal:5432/triage?sslmode=verify-full
/// ```
public struct PostgresURL: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    public var rootCertificateFile: String?
    /// The URL as given, for ``description`` (redacted).
    private let text: String

    /// libpq's `sslmode` values that choose something different here; `allow` and `prefer` are not
    /// offered: a store either asks for TLS or not.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Reads `text`; throws a `TicketStoreError` naming the (redacted) URL and what to fix.
    public init(_ text: String) throws {
        self.text = text
        func invalid(_ message: String) -> TicketStoreError {
            TicketStoreError(operation: "open", location: Self.redacted(text), message: message)
        }
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty
        else {
            throw invalid("not a PostgreSQL URL; write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]")
        }
        self.host = host
        port = components.port ?? 5432
        // URLComponents decodes the percent-escapes of user, password and path itself.
        username = components.user ?? "postgres"
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? username : path
        sslMode = .disable
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw invalid(
                        "sslmode \"\(item.value ?? "")\" is not supported; use one of "
                            + SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    )
                }
                sslMode = mode
            case "sslrootcert":
                rootCertificateFile = item.value
            default:
                throw invalid("unknown URL parameter \"\(item.name)\"; the store reads only sslmode and sslrootcert")
            }
        }
    }

    /// The URL with its password replaced by `***`.
    public var description: String { Self.redacted(text) }

    /// `url` with its password replaced by `***`, for anything shown or logged.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// The client configuration: address, credentials, database and TLS (the server's name is sent
    /// for SNI and checked by `verify-full` when the host is a name, not an address).
    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: tlsConfiguration.map { .require($0) } ?? .disable
        )
        configuration.options.maximumConnections = 10
        return configuration
    }

    /// The configuration of one connection outside the pool (see `PostgresTicketStore.connectOnce`).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: try tlsConfiguration.map { .require(try NIOSSLContext(configuration: $0)) } ?? .disable
        )
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// What TLS the URL asks for; nil for a plain connection.
    private var tlsConfiguration: TLSConfiguration? {
        var context = TLSConfiguration.makeClientConfiguration()
        if let rootCertificateFile { context.trustRoots = .file(rootCertificateFile) }
        switch sslMode {
        case .disable:
            return nil
        case .require:
            context.certificateVerification = .none
        case .verifyCA:
            context.certificateVerification = .noHostnameVerification
        case .verifyFull:
            context.certificateVerification = .fullVerification
        }
        return context
    }
}
