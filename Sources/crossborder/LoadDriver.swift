import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The load generator's client: plain HTTP/1.1 over keep-alive TCP connections, one OS thread
/// each, so that the client costs as little as possible and is the same for the work and the
/// ceiling. Each connection sends its next request when the last answer is in (closed loop),
/// or at its scheduled time when a rate is set — then latency counts from the scheduled time,
/// so a stalled server cannot hide its queue (no coordinated omission).
final class LoadDriver: @unchecked Sendable {
    struct Request {
        let method: String
        let path: String
        let headers: [(String, String)]
        let body: [UInt8]
    }

    struct Answer {
        let status: Int
        let body: [UInt8]
    }

    /// What the connections saw: each request's latency, the answers by kind, and whatever the
    /// caller kept from the answers (acknowledged order ids for the crash test).
    struct Tally {
        var latenciesNS: [UInt64] = []
        var kinds: [String: Int] = [:]
        var kept: [String] = []
        var succeeded = 0

        mutating func merge(_ other: Tally) {
            latenciesNS += other.latenciesNS
            for (kind, n) in other.kinds { kinds[kind, default: 0] += n }
            kept += other.kept
            succeeded += other.succeeded
        }

        func percentileMS(_ p: Double) -> Double {
            guard !latenciesNS.isEmpty else { return 0 }
            let sorted = latenciesNS.sorted()
            let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
            return Double(sorted[max(0, index)]) / 1_000_000
        }
    }

    /// The servers' ports; connection i goes to `ports[i % ports.count]`, so that several
    /// servers on one database share the load evenly.
    let ports: [UInt16]
    let connections: Int

    init(ports: [UInt16], connections: Int) {
        self.ports = ports
        self.connections = connections
    }

    convenience init(port: UInt16, connections: Int) {
        self.init(ports: [port], connections: connections)
    }

    /// Runs the connections until `deadline` (or until `stop` says so); `next(connection, n)`
    /// makes a connection's n-th request, `judge` names the answer's kind ("ok" counts as a
    /// success) and may keep a string from it.
    func run(for seconds: Double, ratePerSecond: Double?, next: @escaping @Sendable (Int, Int) -> Request,
             judge: @escaping @Sendable (Answer) -> (kind: String, keep: String?), stop: @escaping @Sendable () -> Bool = { false }) -> Tally {
        final class Total: @unchecked Sendable {
            let lock = NSLock()
            var tally = Tally()
        }
        let total = Total()
        let group = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1_000_000_000)
        for connection in 0..<connections {
            group.enter()
            let port = ports[connection % ports.count]
            let thread = Thread {
                var tally = Tally()
                var socket = Connection(port: port)
                let interval = ratePerSecond.map { UInt64(Double(1_000_000_000) * Double(self.connections) / $0) }
                var scheduled = start + (interval.map { $0 * UInt64(connection) / UInt64(self.connections) } ?? 0)
                var n = 0
                while !stop() {
                    var now = DispatchTime.now().uptimeNanoseconds
                    if interval == nil {
                        scheduled = now
                    } else if scheduled > now {
                        usleep(UInt32((scheduled - now) / 1000))
                        now = DispatchTime.now().uptimeNanoseconds
                    }
                    if now >= end { break }
                    let request = next(connection, n)
                    n += 1
                    do {
                        let answer = try socket.exchange(request)
                        let finished = DispatchTime.now().uptimeNanoseconds
                        tally.latenciesNS.append(finished - scheduled)
                        let (kind, keep) = judge(answer)
                        tally.kinds[kind, default: 0] += 1
                        if kind == "ok" { tally.succeeded += 1 }
                        if let keep { tally.kept.append(keep) }
                    } catch {
                        tally.kinds["connection: \(error)", default: 0] += 1
                        socket.close()
                        socket = Connection(port: port)
                        usleep(10_000)
                    }
                    if let interval { scheduled += interval }
                }
                socket.close()
                total.lock.lock()
                total.tally.merge(tally)
                total.lock.unlock()
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return total.tally
    }
}

/// One keep-alive connection to 127.0.0.1, reconnecting when the server closed it.
struct Connection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: UInt16
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []

    init(port: UInt16) {
        self.port = port
    }

    mutating func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func connect() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket") }
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close()
            throw Failure(description: "refused")
        }
    }

    mutating func exchange(_ request: LoadDriver.Request) throws -> LoadDriver.Answer {
        if fd < 0 { try connect() }
        var head = "\(request.method) \(request.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(request.body.count)\r\n"
        for (name, value) in request.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + request.body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "closed while sending") }
            sent += n
        }
        return try readAnswer()
    }

    private mutating func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw Failure(description: "closed while reading") }
        buffer += chunk[0..<n]
    }

    private mutating func readAnswer() throws -> LoadDriver.Answer {
        var headEnd: Int?
        while headEnd == nil {
            if buffer.count >= 4 {
                headEnd = (0...(buffer.count - 4)).first {
                    buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10
                }
            }
            if headEnd == nil { try fill() }
        }
        guard let headEnd else { throw Failure(description: "no head") }
        let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure(description: "bad status line")
        }
        var length = 0
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
            if parts.count == 2, parts[0].lowercased() == "transfer-encoding" { throw Failure(description: "chunked answers are not read") }
        }
        let bodyStart = headEnd + 4
        while buffer.count < bodyStart + length { try fill() }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return LoadDriver.Answer(status: status, body: body)
    }
}
