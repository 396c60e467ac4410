import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The claim of one `serve` process on an SQLite database file. The serving process may keep
/// what it wrote in memory as the truth, which holds only while no other process serves the
/// same file, so a second `serve` refuses to start. Other commands (migrate, check,
/// merchant-key) still open the file: SQLite's own locks keep their writes safe.
///
/// The claim is an exclusive `flock` on the database file, held while the process lives; the
/// kernel drops it when the process ends, however it ends (SIGKILL too), so a crash leaves no
/// stale claim behind. `flock` does not meddle with SQLite's `fcntl` locks on the same file.
public final class SoleServer: Sendable {
    private let descriptor: Int32

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case alreadyServed(path: String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .alreadyServed(let path):
                "another crossborder serve is already serving \(path); stop it first, or serve another database file"
            case .cannotOpen(let path, let reason): "cannot open \(path) to claim it: \(reason)"
            }
        }
    }

    public init(claiming path: String) throws(Refusal) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            if reason == EWOULDBLOCK { throw .alreadyServed(path: path) }
            throw .cannotOpen(path: path, reason: String(cString: strerror(reason)))
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
