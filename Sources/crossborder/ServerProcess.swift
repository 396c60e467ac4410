import Foundation

/// `crossborder serve` started as a child process of this program, on a free port, for the
/// benchmarks: the server runs as it does in production, and its memory can be read apart
/// from the client's.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port: UInt16 = 0

    init(command: String = "serve", arguments: [String], log: String) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = [command, "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        // The server says where it listens on its first line; wait for it.
        var text = ""
        let deadline = Date() + 120
        while port == 0, Date() < deadline, process.isRunning {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://[^:]+:(\d+)"#, options: .regularExpression) {
                port = UInt16(text[range].split(separator: ":").last ?? "") ?? 0
            }
        }
        guard port != 0 else {
            stop()
            throw CommandFailure("the server did not start (see \(log)): \(text)")
        }
        // Keep reading so the server never blocks on a full pipe.
        Thread { while !out.fileHandleForReading.availableData.isEmpty {} }.start()
    }

    /// The server's resident memory in MiB, from /proc.
    var residentMiB: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }

    /// CPU seconds the server has used, user and system, from /proc (clock ticks of 1/100 s).
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ") else { return 0 }
        // Fields after the command name: state is the 3rd field of the line, utime the 14th, stime the 15th.
        let fields = stat[afterName.upperBound...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
