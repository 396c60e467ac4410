import Dispatch
import HummingbirdBcrypt

/// bcrypt off the event loops. Hashing at the real cost takes a quarter of a second of CPU,
/// and the server's tasks run on the threads that do its HTTP I/O: done there, one sign-in held
/// up every connection of its loop for that long. Dispatch's pool has threads of its own.
enum PasswordHashing {
    static func hash(_ password: String, cost: UInt8) async -> String {
        await offLoop { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async -> Bool {
        await offLoop { Bcrypt.verify(password, hash: hash) }
    }

    static func standIn(cost: UInt8) async -> String {
        await offLoop { StandInHash.of(cost: cost) }
    }

    private static func offLoop<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
