import Foundation

/// Where the data lives: `sqlite:PATH` (the embedded default) or
/// `postgres://user:password@host:port/database` (also `postgresql://`).
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    public struct PostgresAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String

        public init(host: String, port: Int, username: String, password: String?, database: String) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
        }
    }

    public struct Malformed: Error, CustomStringConvertible, Equatable {
        public let url: String
        public let reason: String
        public var description: String { "malformed database URL '\(url)': \(reason)" }
    }

    public init(parsing text: String) throws(Malformed) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw Malformed(url: text, reason: "no file path after 'sqlite:'") }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw Malformed(url: text, reason: "expected sqlite:PATH or postgres://user:password@host:port/database")
        }
        guard let components = URLComponents(string: text) else {
            throw Malformed(url: DatabaseURL.redacting(text), reason: "not a URL")
        }
        let shown = DatabaseURL.redacting(text)
        guard let host = components.host, !host.isEmpty else { throw Malformed(url: shown, reason: "no host") }
        guard let user = components.user, !user.isEmpty else { throw Malformed(url: shown, reason: "no user name") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw Malformed(url: shown, reason: "no database name after the host")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw Malformed(url: shown, reason: "port \(port) is out of range") }
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", item.value == "disable" else {
                throw Malformed(url: shown, reason: "unsupported option '\(item.name)=\(item.value ?? "")' (only sslmode=disable)")
            }
        }
        self = .postgres(PostgresAddress(
            host: host, port: port, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: database))
    }

    /// The URL with any password hidden, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let a):
            return "postgres://\(a.username)\(a.password == nil ? "" : ":***")@\(a.host):\(a.port)/\(a.database)"
        }
    }

    static func redacting(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
