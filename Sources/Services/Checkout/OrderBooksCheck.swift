import Commerce
import Foundation
import Storage

/// What must hold between orders, stock and allowances, whatever happened — crashes included:
/// each SKU's reservation is exactly what its holding orders (created, paid, declared,
/// cleared) ordered, and never more than is on hand; each identity's used allowance is exactly
/// what its orders count that did not give it back (cancelled, refunded before release, returned). `crossborder check` runs it beside the ledger's check.
public struct OrderBooksCheck: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func run() async throws -> [String] {
        var problems: [String] = []
        let holding = OrderStatus.allCases.filter(\.holdsStock).map(\.rawValue)
        let stock = try await store.read(SQL(
            """
            SELECT k.id, k.on_hand, k.reserved, CAST(COALESCE(h.units, 0) AS BIGINT) AS held FROM skus k
            LEFT JOIN (SELECT l.sku_id, SUM(l.quantity) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id
                       WHERE o.status IN (\(SQL.placeholders(holding.count))) GROUP BY l.sku_id) h ON h.sku_id = k.id
            WHERE k.reserved <> COALESCE(h.units, 0) OR k.reserved > k.on_hand OR k.on_hand < 0
            """, holding.map { $0.sqlValue }))
        for row in stock {
            problems.append("SKU \(try row.text("id")): on hand \(try row.integer("on_hand")), reserved \(try row.integer("reserved")), "
                + "held by orders \(try row.integer("held"))")
        }
        let allowances = try await store.read(SQL(
            """
            SELECT a.id_fingerprint, a.year, a.used_fen, CAST(COALESCE(o.fen, 0) AS BIGINT) AS counted FROM import_allowances a
            LEFT JOIN (SELECT id_fingerprint, allowance_year, SUM(allowance_fen) AS fen FROM orders
                       WHERE allowance_back = 0 AND id_fingerprint IS NOT NULL
                       GROUP BY id_fingerprint, allowance_year) o
              ON o.id_fingerprint = a.id_fingerprint AND o.allowance_year = a.year
            WHERE a.used_fen <> COALESCE(o.fen, 0)
            """))
        for row in allowances {
            problems.append("allowance of identity \(try row.text("id_fingerprint").prefix(8))… in \(try row.integer("year")): used "
                + "\(try row.integer("used_fen")) fen, orders count \(try row.integer("counted")) fen")
        }
        let uncounted = try await store.read(SQL(
            """
            SELECT o.id_fingerprint, o.allowance_year, CAST(SUM(o.allowance_fen) AS BIGINT) AS fen FROM orders o
            WHERE o.allowance_back = 0 AND o.id_fingerprint IS NOT NULL AND o.allowance_fen > 0
              AND NOT EXISTS (SELECT 1 FROM import_allowances a WHERE a.id_fingerprint = o.id_fingerprint AND a.year = o.allowance_year)
            GROUP BY o.id_fingerprint, o.allowance_year
            """))
        for row in uncounted {
            problems.append("orders of identity \(try row.text("id_fingerprint").prefix(8))… in \(try row.integer("allowance_year")) count "
                + "\(try row.integer("fen")) fen that no allowance records")
        }
        return problems
    }
}
