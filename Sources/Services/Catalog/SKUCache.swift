import Storage
import Synchronization

/// The SKUs buy now has priced, with their products and merchants, kept in memory: a buy now
/// otherwise read three catalogue rows for every order. A copy is used until an order placed
/// on it fails — its revision no longer matches the row, or its stock looked short — and is
/// then read again; so it needs no expiry and no word from the process that changed the row.
public final class SKUCache: Sendable {
    private let listings = Mutex<[String: SKUListing]>([:])
    /// Copies kept at most; past it the cache starts again empty (a catalogue's SKUs fit many times over).
    let capacity: Int

    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    /// The listing of `id`, from memory when it is there.
    func listing(_ id: String, from store: any Store) async throws -> SKUListing? {
        if let remembered = listings.withLock({ $0[id] }) { return remembered }
        guard let listing = try await CatalogService(store: store).sku(id) else { return nil }
        listings.withLock { listings in
            if listings.count >= capacity { listings.removeAll(keepingCapacity: true) }
            listings[id] = listing
        }
        return listing
    }

    func forget(_ id: String) {
        _ = listings.withLock { $0.removeValue(forKey: id) }
    }
}
