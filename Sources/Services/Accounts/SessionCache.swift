import Foundation
import Synchronization

/// Live sessions kept in memory for a short while, so that a buyer's every request does not
/// read the session and its account again (one read of the nine an order made). Signing out
/// and changing the password through the same `AccountService` drop the copies at once; a
/// session ended by another process (several `serve` on one PostgreSQL) is honoured here for at
/// most `lifetime` more, and a session's own expiry is checked on the copy as on the row.
public final class SessionCache: Sendable {
    private struct Kept {
        let consumer: Consumer
        let expiresAt: Date
        let until: ContinuousClock.Instant
    }

    private let kept = Mutex<[String: Kept]>([:])
    let lifetime: Duration
    let capacity: Int

    public init(lifetime: Duration = .seconds(2), capacity: Int = 100_000) {
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
    }

    /// The consumer of the session whose token hashes to `tokenHash`, while its copy is fresh
    /// and the session has not expired.
    func consumer(tokenHash: String, at now: Date) -> Consumer? {
        let clock = ContinuousClock.now
        return kept.withLock { kept in
            guard let copy = kept[tokenHash] else { return nil }
            guard copy.until > clock, copy.expiresAt > now else {
                kept.removeValue(forKey: tokenHash)
                return nil
            }
            return copy.consumer
        }
    }

    func keep(_ consumer: Consumer, tokenHash: String, expiresAt: Date) {
        let until = ContinuousClock.now + lifetime
        kept.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[tokenHash] = Kept(consumer: consumer, expiresAt: expiresAt, until: until)
        }
    }

    func forget(tokenHash: String) {
        _ = kept.withLock { $0.removeValue(forKey: tokenHash) }
    }

    /// Every copy of `consumerID`'s sessions but the one `keeping` hashes to.
    func forget(sessionsOf consumerID: String, keeping tokenHash: String) {
        kept.withLock { kept in
            kept = kept.filter { $0.key == tokenHash || $0.value.consumer.id != consumerID }
        }
    }
}
