import Commerce
import Foundation
import Money
import Storage

/// Puts the demo dataset into a database once: the marker row and the data go in one
/// transaction, so two servers starting together on one PostgreSQL load it exactly once.
public enum DemoLoader {
    /// Loads the demo catalogue and rates unless the database already has them; true if it did.
    @discardableResult
    public static func loadIfAbsent(into store: any Store, at now: Date) async throws -> Bool {
        let createdAt = now.millisecondsSince1970
        var changes: [Change] = []
        let rates = DemoRates.rates(asOf: now)
        let book = RateBook(rates: rates, maxAge: .infinity)
        for entry in DemoCatalog.entries {
            changes += CatalogRecords.inserts(entry.merchant, entry.storefront, createdAt: createdAt)
            changes += CatalogRecords.upserts(entry.products.enumerated().map { index, product in
                CatalogRecords.Saving(product: product, sortPriceCNY: CatalogPricing.sortKey(product, book: book, at: now),
                                      at: createdAt + Int64(index))
            }, kind: store.kind)
        }
        changes += RateService.recording(rates, at: now)
        changes += DemoPayoutAccounts.entries.map { entry in
            .write(SQL(
                """
                INSERT INTO merchant_payout_accounts (merchant_id, holder, iban, account_number, bic, commission_bps)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (merchant_id) DO NOTHING
                """,
                bind: entry.merchantID, entry.holder, entry.iban, entry.accountNumber, entry.bic, entry.commissionBasisPoints))
        }
        let loaded = try await DemoMarker.apply(changes, marking: "demo_loaded", to: store, at: now)
        try await loadShopsIfAbsent(into: store, at: now)
        try await loadBrandsIfAbsent(into: store, at: now)
        try await loadSynonymsIfAbsent(into: store, at: now)
        return loaded
    }

    /// The demo shops abroad, once, also into a database whose demo data came before them.
    static func loadShopsIfAbsent(into store: any Store, at now: Date) async throws {
        let changes: [Change] = DemoShops.entries.map { shop in
            .write(SQL(
                """
                INSERT INTO shops (id, merchant_id, name_en, name_zh, country, city, street, created_at)
                SELECT ?, id, ?, ?, ?, ?, ?, ? FROM merchants WHERE id = ? ON CONFLICT (id) DO NOTHING
                """, bind: shop.id, shop.name.en, shop.name.zh, shop.country, shop.city, shop.street, now.millisecondsSince1970, shop.merchantID))
        }
        _ = try await DemoMarker.apply(changes, marking: "demo_shops_loaded", to: store, at: now)
    }

    /// The demo merchants' brand authorisations (`DemoBrands`), once, also into a database whose
    /// demo data came before brands needed them.
    static func loadBrandsIfAbsent(into store: any Store, at now: Date) async throws {
        var changes: [Change] = []
        for (index, filing) in DemoBrands.filings(from: Day(beijing: now)).enumerated() {
            let filed = try BrandRules.filed(filing.draft, id: "ba-demo-\(index + 1)", merchantID: filing.merchantID, on: Day(beijing: now))
            changes.append(filing.accepted ? BrandAuthorisationService.recording(filed.reviewed(.accepted), at: now, reviewer: "CrossBorder demo")
                                           : BrandAuthorisationService.recording(filed, at: now))
        }
        _ = try await DemoMarker.apply(changes, marking: "demo_brands_loaded", to: store, at: now)
    }

    /// The demo's search words (`DemoSynonyms`), once, also into a database whose demo data came before them.
    static func loadSynonymsIfAbsent(into store: any Store, at now: Date) async throws {
        let changes = try DemoSynonyms.groups.flatMap { group in
            SearchSynonymService.recording(try SearchSynonyms.validated(group, others: DemoSynonyms.groups), at: now)
        }
        _ = try await DemoMarker.apply(changes, marking: "demo_synonyms_loaded", to: store, at: now)
    }

    /// Republishes the demo reference rates as of `now`, as the sandbox rate feed does.
    public static func refreshRates(in store: any Store, at now: Date) async throws {
        try await store.apply(RateService.recording(DemoRates.rates(asOf: now), at: now))
    }
}
