import Foundation
import GRDB

/// Copies the write-ahead log back into the database file from a thread of its own, so that
/// the one writer does not: left to SQLite, the commit that crosses the log's checkpoint size
/// copies every page itself and every caller in its group commit waits for it (one batch in
/// ten took over 10 ms, half the writer's time, in `bench checkout`). A passive checkpoint
/// takes no lock a writer or reader needs; the writer keeps a large automatic checkpoint only
/// as a backstop should this thread fall behind.
final class WALCheckpointer: @unchecked Sendable {
    /// Pages in the log past which the writer checkpoints itself (64 MiB at 4 KiB pages).
    static let writerBackstopPages = 16_384
    private let connection: DatabaseQueue
    private let interval: TimeInterval
    private let stopped = NSCondition()
    private var stopping = false
    private var finished = false

    init(path: String, interval: TimeInterval = 0.05) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
        // A thread, not a task: a checkpoint blocks on disk for milliseconds, and the task pool
        // has one thread per core.
        let thread = Thread { [self] in run() }
        thread.name = "sqlite-checkpointer"
        thread.start()
    }

    private func run() {
        stopped.lock()
        while !stopping {
            stopped.unlock()
            // A busy or failed round is tried again at the next tick; the writer's backstop
            // keeps the log bounded meanwhile.
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            stopped.lock()
            if !stopping { _ = stopped.wait(until: Date(timeIntervalSinceNow: interval)) }
        }
        finished = true
        stopped.broadcast()
        stopped.unlock()
    }

    /// Stops the thread after its current round and closes its connection.
    func stop() {
        stopped.lock()
        stopping = true
        stopped.broadcast()
        while !finished { stopped.wait() }
        stopped.unlock()
        try? connection.close()
    }
}
