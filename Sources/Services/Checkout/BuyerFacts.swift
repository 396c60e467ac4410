import Commerce
import Foundation
import Money
import Storage
import Synchronization

/// What a quote reads about its buyer: the identity its import allowance is counted under, the
/// addresses it may ship to, and how much of the year's allowance is used.
public struct BuyerFacts: Sendable, Equatable {
    /// Nil before the buyer enrolled an identity.
    public let fingerprint: String?
    public let addressIDs: Set<String>
    public let year: Int
    public let used: Money
    /// Each address's keys for the risk signals (`RiskService.keys`).
    public let riskKeys: [String: RiskKeys]

    public struct RiskKeys: Sendable, Equatable {
        public let address: String
        public let phone: String
    }

    /// The buyer's facts as the store has them.
    static func read(of consumer: Consumer, year: Int, from store: any Store) async throws -> BuyerFacts {
        let fingerprint = try await IdentityService.fingerprint(of: consumer, in: store)
        let addresses = try await store.read(SQL("SELECT id, risk_address, risk_phone FROM addresses WHERE consumer_id = ?", bind: consumer.id))
        let used = if let fingerprint { try await AllowanceRecords.used(fingerprint: fingerprint, year: year, in: store) } else { Money.zero(.CNY) }
        var keys: [String: RiskKeys] = [:]
        for row in addresses {
            let id = try row.text("id")
            // An address saved before the keys existed, not yet keyed at start: a key of its own, so it links nobody.
            keys[id] = RiskKeys(address: try row.optionalText("risk_address") ?? "address:" + id, phone: try row.optionalText("risk_phone") ?? "address:" + id)
        }
        return BuyerFacts(fingerprint: fingerprint, addressIDs: Set(keys.keys), year: year, used: used, riskKeys: keys)
    }

    /// The same facts after an order of `value` was committed against the allowance.
    func using(_ value: Money) throws(MoneyError) -> BuyerFacts {
        BuyerFacts(fingerprint: fingerprint, addressIDs: addressIDs, year: year, used: try used.adding(value), riskKeys: riskKeys)
    }
}

/// Buyers' facts kept in memory, so that an order does not read the buyer's identity,
/// addresses and allowance again (three reads of the nine an order made). A copy may be behind
/// the rows — another process or another service changed them — and is safe all the same: the
/// order's own writes are guarded in the database (the address and the identity it was placed
/// under must still be there, the allowance's upsert stops at the limit), so a copy that is
/// too kind makes the write fail and the order is decided again on fresh rows; and a refusal
/// decided on a copy is decided again on fresh rows before the buyer sees it. So a copy needs
/// no expiry and no word from whoever changed the row.
public final class BuyerCache: Sendable {
    private let facts = Mutex<[String: BuyerFacts]>([:])
    /// Buyers kept at most; past it the cache starts again empty.
    let capacity: Int

    public init(capacity: Int = 200_000) {
        self.capacity = max(1, capacity)
    }

    /// `decide` on the facts of `consumer` for the Beijing year of `now` in memory; when it refuses on a copy from
    /// memory, once more on the rows as they are, so that no refusal rests on a stale copy.
    /// Returns the decision and the facts it was taken on.
    func deciding<Decision>(for consumer: Consumer, at now: Date, from store: any Store,
                            _ decide: (BuyerFacts) async throws -> Decision) async throws -> (decision: Decision, facts: BuyerFacts) {
        let year = Day(beijing: now).year
        if let kept = facts.withLock({ $0[consumer.id] }), kept.year == year {
            do {
                return (try await decide(kept), kept)
            } catch {
                forget(consumer.id)
            }
        }
        let read = try await BuyerFacts.read(of: consumer, year: year, from: store)
        // Before enrolment nothing is kept, so that the enrolment is seen at once.
        if read.fingerprint != nil { keep(read, for: consumer.id) }
        return (try await decide(read), read)
    }

    private func keep(_ kept: BuyerFacts, for consumerID: String) {
        facts.withLock { facts in
            if facts.count >= capacity { facts.removeAll(keepingCapacity: true) }
            facts[consumerID] = kept
        }
    }

    /// After an order was committed on `basis`: the allowance it used counted in memory too.
    func used(_ value: Money, by consumerID: String, on basis: BuyerFacts) {
        facts.withLock { facts in
            guard facts[consumerID] == basis else { return }  // read again meanwhile: the fresher copy stays
            // A sum past Int64 cannot be a real allowance: the copy goes, and the rows decide next time.
            facts[consumerID] = try? basis.using(value)  // safe: nil forgets the copy
        }
    }

    func forget(_ consumerID: String) {
        _ = facts.withLock { $0.removeValue(forKey: consumerID) }
    }
}
