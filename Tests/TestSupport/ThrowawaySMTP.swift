import Foundation

/// A real SMTP server of the tests' own: aiosmtpd (from PyPI, which .ci/run installs) on a free
/// port, writing every message it accepts into a Maildir in a temporary folder, stopped when the
/// test process exits. Tests read what arrived as a buyer's mail program would.
public final class ThrowawaySMTP: Sendable {
    public let port: Int
    let maildir: URL

    /// The one server of this test process, or why there is none.
    public static let shared: Result<ThrowawaySMTP, ThrowawayPostgres.Unavailable> = Result { try ThrowawaySMTP.start() }
        .mapError { $0 as? ThrowawayPostgres.Unavailable ?? ThrowawayPostgres.Unavailable(reason: "\($0)") }

    /// The server, or nil with the reason printed where it may be skipped: only outside CI and
    /// only when aiosmtpd is not installed. In CI, or for any other reason, it throws.
    public static func available() throws -> ThrowawaySMTP? {
        switch shared {
        case .success(let server): return server
        case .failure(let unavailable):
            if unavailable.programsMissing && ProcessInfo.processInfo.environment["CI"] != "true" {
                print("skipping the SMTP test: \(unavailable.reason) (pip install aiosmtpd)")
                return nil
            }
            throw unavailable
        }
    }

    private init(port: Int, maildir: URL) {
        self.port = port
        self.maildir = maildir
    }

    static func start() throws -> ThrowawaySMTP {
        guard system("python3 -c 'import aiosmtpd' >/dev/null 2>&1") == 0 else {
            throw ThrowawayPostgres.Unavailable(reason: "python3 has no aiosmtpd", programsMissing: true)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossborder-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let maildir = folder.appendingPathComponent("Maildir")
        let port = try ThrowawayPostgres.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path]
        server.standardOutput = FileHandle.nullDevice
        let log = folder.appendingPathComponent("log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        server.standardError = try FileHandle(forWritingTo: log)
        try server.run()
        ThrowawaySMTP.stopAtExit = (server.processIdentifier, folder.path)
        atexit {
            guard let (pid, folder) = ThrowawaySMTP.stopAtExit else { return }
            kill(pid, SIGTERM)
            _ = system("rm -rf \(ThrowawayPostgres.quoted(folder))")
        }
        for _ in 0..<100 where !listening(port) { usleep(100_000) }
        guard listening(port) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ThrowawayPostgres.Unavailable(reason: "aiosmtpd did not start listening on \(port): \(said)")
        }
        return ThrowawaySMTP(port: port, maildir: maildir)
    }

    nonisolated(unsafe) static var stopAtExit: (pid_t, String)?

    static func listening(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Every message that has arrived from `sender` (tests each send from an address of their
    /// own, as they share the server), as the server stored it.
    public func messages(from sender: String) throws -> [ReceivedMail] {
        let new = maildir.appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return try names.map { try ReceivedMail(String(contentsOf: new.appendingPathComponent($0), encoding: .utf8)) }
            .filter { $0.envelopeSender == sender }
    }
}

/// A message as a mail program reads it: its headers (encoded words decoded) and its body (the
/// transfer encoding undone), read independently of the code that wrote it.
public struct ReceivedMail: Sendable {
    public let headers: [String: String]
    public let body: String

    init(_ text: String) throws {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = unified.range(of: "\n\n") else { throw ThrowawayPostgres.Unavailable(reason: "a message without a body") }
        var headers: [String: String] = [:]
        var last: String?
        for line in unified[..<split.lowerBound].split(separator: "\n") {
            if line.first == " " || line.first == "\t", let name = last {
                headers[name, default: ""] += String(line.dropFirst())
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        self.headers = headers.mapValues(ReceivedMail.decodedWords)
        let raw = String(unified[split.upperBound...])
        if headers["content-transfer-encoding"]?.lowercased() == "base64",
           let data = Data(base64Encoded: raw.filter { !$0.isWhitespace }) {
            body = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        } else {
            body = raw
        }
    }

    public var subject: String { headers["subject"] ?? "" }
    public var messageID: String { headers["message-id"] ?? "" }
    /// Who the server was asked to deliver to, and from whom (aiosmtpd's X-RcptTo, X-MailFrom).
    public var envelopeRecipients: [String] {
        (headers["x-rcptto"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    public var envelopeSender: String { headers["x-mailfrom"] ?? "" }

    /// `=?UTF-8?B?…?=` words back to text; whitespace between two words goes (RFC 2047 §6.2).
    static func decodedWords(_ value: String) -> String {
        let pattern = /=\?(?i:utf-8)\?[Bb]\?([A-Za-z0-9+\/=]*)\?=/
        guard value.contains(pattern) else { return value }
        var out = ""
        var rest = Substring(value)
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if out.isEmpty || !between.allSatisfy(\.isWhitespace) { out += between }
            out += Data(base64Encoded: String(match.1)).map { String(decoding: $0, as: UTF8.self) } ?? String(match.0)
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }
}
