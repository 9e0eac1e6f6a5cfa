import Foundation
import PostgresStore

/// Where the ticket store lives, resolved once from (in order) the `--store` flag, the
/// `TRIAGE_STORE` environment variable, `store:` in `config/triage.yml`, and the default file.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// The embedded SQLite file (default `var/triage.sqlite`).
    case sqlite(path: String)
    /// A PostgreSQL URL (`postgres://user@host:port/db`).
    case postgres(url: String)

    public static let defaultPath = "var/triage.sqlite"

    /// Resolves the location; the first non-empty source wins.
    public static func resolve(flag: String?, environment: [String: String], configured: String?) -> StoreLocation {
        let chosen = [flag, environment["TRIAGE_STORE"], configured].compactMap { $0 }.first { !$0.isEmpty }
        return parse(chosen ?? defaultPath)
    }

    /// A `postgres://` or `postgresql://` URL is PostgreSQL; `sqlite:PATH` or a plain path is SQLite.
    public static func parse(_ text: String) -> StoreLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(url: text) }
        if text.hasPrefix("sqlite://") { return .sqlite(path: String(text.dropFirst("sqlite://".count))) }
        if text.hasPrefix("sqlite:") { return .sqlite(path: String(text.dropFirst("sqlite:".count))) }
        return .sqlite(path: text)
    }

    /// Shown in logs and errors; a PostgreSQL password never appears.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): "postgres:" + PostgresURL.redacted(url)
        }
    }
}
