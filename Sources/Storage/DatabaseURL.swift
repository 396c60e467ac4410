import Foundation

/// Where the data lives: `sqlite:PATH` (the embedded default) or
/// `postgres://user:password@host:port/database` (also `postgresql://`), with libpq's
/// `sslmode` (disable, require, verify-ca, verify-full) and `sslrootcert=PATH`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// The database file, for SQLite.
    public var sqlitePath: String? {
        if case .sqlite(let path) = self { path } else { nil }
    }

    public struct PostgresAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        public var tls: TLSMode
        /// PEM file of the certificate authorities to trust (`sslrootcert`); the system's when nil.
        public var rootCertificate: String?

        public init(host: String, port: Int, username: String, password: String?, database: String, tls: TLSMode = .disable,
                    rootCertificate: String? = nil) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.tls = tls
            self.rootCertificate = rootCertificate
        }
    }

    /// libpq's `sslmode`, as far as a server we are told to trust can be checked: `require`
    /// encrypts without checking the certificate, `verify-ca` checks it was signed by a trusted
    /// authority, `verify-full` also that it names the host.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        case disable
        case require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
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
        var tls = TLSMode.disable
        var rootCertificate: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw Malformed(url: shown, reason: "sslmode is one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            case "sslrootcert":
                guard let path = item.value, !path.isEmpty else { throw Malformed(url: shown, reason: "sslrootcert names a PEM file") }
                rootCertificate = path
            default:
                throw Malformed(url: shown, reason: "unsupported option '\(item.name)' (sslmode and sslrootcert are)")
            }
        }
        if rootCertificate != nil, tls == .disable { throw Malformed(url: shown, reason: "sslrootcert needs an sslmode other than disable") }
        self = .postgres(PostgresAddress(
            host: host, port: port, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: database, tls: tls, rootCertificate: rootCertificate))
    }

    /// The URL with any password hidden, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let a):
            return "postgres://\(a.username)\(a.password == nil ? "" : ":***")@\(a.host):\(a.port)/\(a.database)"
                + (a.tls == .disable ? "" : "?sslmode=\(a.tls.rawValue)")
        }
    }

    static func redacting(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
