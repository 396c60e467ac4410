import Foundation

/// The thread that `serve`'s background rounds (customs declarations and results, the last
/// mile, the payment settler, the sweeps) run on, at a lower priority than the task pool that
/// answers requests. Without it a round took the pool's two threads in bursts once a second
/// and tripled checkout's p99 (`bench checkout --rate 60`: 24.7 ms, 8.4 ms without the rounds);
/// task priorities do not help, as the pool on Linux runs jobs in arrival order. With it the
/// kernel hands the CPU to the request threads first, and the rounds take what is left.
final class BackgroundExecutor: TaskExecutor, @unchecked Sendable {
    /// Nice 10: a tenth of a request thread's share when both want the CPU, so that the rounds
    /// still move under a saturating load instead of starving.
    static let shared = BackgroundExecutor(niceness: 10)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(niceness: Int32) {
        let thread = Thread { [self] in
            // On Linux the nice value is the calling thread's, not the process's.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            runJobs()
        }
        thread.name = "background rounds"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runJobs() -> Never {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let ready = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
