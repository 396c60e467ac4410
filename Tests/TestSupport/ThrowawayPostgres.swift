import Foundation
import Logging
import Storage

/// A PostgreSQL cluster of the tests' own: initdb into a temporary folder, started on a free
/// port (as the postgres user when the tests run as root), stopped when the test process
/// exits. Each caller gets a fresh database in it.
public final class ThrowawayPostgres: Sendable {
    public let port: Int
    /// The cluster's own self-signed certificate (for 127.0.0.1 and localhost), when openssl
    /// could make one: the server then takes TLS as well as plain connections.
    public let certificate: String?
    let folder: URL
    let binaries: URL
    let runAsPostgresUser: Bool

    /// The one cluster of this test process, or why there is none.
    public static let shared: Result<ThrowawayPostgres, Unavailable> = Result { try ThrowawayPostgres.start() }
        .mapError { $0 as? Unavailable ?? Unavailable(reason: "\($0)") }

    public struct Unavailable: Error, CustomStringConvertible {
        public let reason: String
        /// True only when the machine has no PostgreSQL server programs at all: the one case a
        /// test may be skipped for, and never in CI. Any other failure to start is a failure.
        public var programsMissing = false
        public var description: String { reason }

        public init(reason: String, programsMissing: Bool = false) {
            self.reason = reason
            self.programsMissing = programsMissing
        }
    }

    private init(port: Int, folder: URL, binaries: URL, runAsPostgresUser: Bool, certificate: String?) {
        self.port = port
        self.certificate = certificate
        self.folder = folder
        self.binaries = binaries
        self.runAsPostgresUser = runAsPostgresUser
    }

    /// A new, empty database in the cluster.
    public func freshDatabase(tls: DatabaseURL.TLSMode = .disable, rootCertificate: String? = nil) throws -> DatabaseURL.PostgresAddress {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name])
        return DatabaseURL.PostgresAddress(host: "127.0.0.1", port: port, username: "postgres", password: nil, database: name, tls: tls,
                                           rootCertificate: rootCertificate)
    }

    static func start() throws -> ThrowawayPostgres {
        guard let binaries = findBinaries() else {
            throw Unavailable(reason: "no PostgreSQL server programs (initdb, pg_ctl) on this machine", programsMissing: true)
        }
        let isRoot = getuid() == 0
        if isRoot, getpwnam("postgres") == nil {
            throw Unavailable(reason: "running as root and there is no 'postgres' user to run the server as")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossborder-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = makeCertificate(in: folder)
        let cluster = ThrowawayPostgres(port: try freePort(), folder: folder, binaries: binaries, runAsPostgresUser: isRoot,
                                        certificate: certificate)
        if isRoot { try cluster.shell("/bin/chown", ["-R", "postgres", folder.path]) }
        let data = folder.appendingPathComponent("data").path
        try cluster.run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        // Every test migrates a fresh database in one transaction, which locks each table and
        // index it creates; with many tests at once the default lock table (64 a connection) runs out.
        var options = "-p \(cluster.port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c max_locks_per_transaction=512"
        if let certificate {
            options += " -c ssl=on -c ssl_cert_file=\(certificate) -c ssl_key_file=\(folder.appendingPathComponent("server.key").path)"
        }
        try cluster.run("pg_ctl", ["-D", data, "-o", options, "-l", folder.appendingPathComponent("log").path, "-w", "start"])
        ThrowawayPostgres.stopAtExit = (cluster.binaries.appendingPathComponent("pg_ctl").path, data, isRoot, folder.path)
        atexit {
            guard let (pgctl, data, asPostgres, folder) = ThrowawayPostgres.stopAtExit else { return }
            let stop = "\(pgctl) -D \(data) -m immediate stop"
            let command = asPostgres ? "su postgres -s /bin/sh -c \(ThrowawayPostgres.quoted(stop))" : stop
            _ = system("\(command) >/dev/null 2>&1; rm -rf \(ThrowawayPostgres.quoted(folder))")
        }
        return cluster
    }

    nonisolated(unsafe) static var stopAtExit: (String, String, Bool, String)?

    func run(_ program: String, _ arguments: [String]) throws {
        let path = binaries.appendingPathComponent(program).path
        if runAsPostgresUser {
            let command = ([path] + arguments).map(ThrowawayPostgres.quoted).joined(separator: " ")
            try shell("/bin/su", ["postgres", "-s", "/bin/sh", "-c", command])
        } else {
            try shell(path, arguments)
        }
    }

    /// Runs a program to its end. Through /bin/sh and system(3) rather than Foundation's
    /// Process, whose wait can miss the exit of a child that leaves a daemon behind (pg_ctl).
    func shell(_ executable: String, _ arguments: [String]) throws {
        let log = folder.appendingPathComponent("command-\(UUID().uuidString).log").path
        let command = ([executable] + arguments).map(ThrowawayPostgres.quoted).joined(separator: " ")
        let status = system("\(command) >\(ThrowawayPostgres.quoted(log)) 2>&1 </dev/null")
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: log)
        guard status == 0 else {
            throw Unavailable(reason: "\(command) failed (status \(status)): \(output)")
        }
    }

    /// A self-signed certificate for the cluster, and its key readable by its owner alone (the
    /// server refuses any other); nil where openssl is not installed.
    static func makeCertificate(in folder: URL) -> String? {
        let certificate = folder.appendingPathComponent("server.crt").path
        let key = folder.appendingPathComponent("server.key").path
        let made = system("""
            openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
              -addext 'subjectAltName=IP:127.0.0.1,DNS:localhost' -keyout \(quoted(key)) -out \(quoted(certificate)) >/dev/null 2>&1 \
              && chmod 600 \(quoted(key))
            """)
        return made == 0 ? certificate : nil
    }

    /// A certificate the cluster's was not signed by, for the case where trust must fail.
    public func strangerCertificate() -> String? {
        let stranger = folder.appendingPathComponent("stranger-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: stranger, withIntermediateDirectories: true)
        return ThrowawayPostgres.makeCertificate(in: stranger)
    }

    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func findBinaries() -> URL? {
        var candidates: [String] = []
        let answer = FileManager.default.temporaryDirectory.appendingPathComponent("pg_config-\(UUID().uuidString)").path
        if system("pg_config --bindir >\(quoted(answer)) 2>/dev/null") == 0,
           let dir = try? String(contentsOfFile: answer, encoding: .utf8) {
            candidates.append(dir.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try? FileManager.default.removeItem(atPath: answer)
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        return candidates.map(URL.init(fileURLWithPath:)).first {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path)
                && FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("pg_ctl").path)
        }
    }

    /// A port nobody listens on now: bind to port 0, read what the kernel chose, let go.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Unavailable(reason: "cannot open a socket to find a free port") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw Unavailable(reason: "cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
