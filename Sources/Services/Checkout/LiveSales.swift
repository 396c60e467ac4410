import Commerce
import Foundation
import Money
import Storage

/// The last minute of sales, second by second, for the ops dashboard: orders placed and their
/// value in CNY, and the SKUs selling most. Read from the orders themselves, so every server
/// of a deployment shows the same figures.
public struct LiveSales: Sendable {
    public struct Second: Sendable, Equatable {
        public let second: Int64
        public let orders: Int64
        public let gmv: Money
    }

    public struct TopSKU: Sendable, Equatable {
        public let skuID: String
        public let name: String
        public let units: Int64
    }

    public struct Figures: Sendable, Equatable {
        /// One entry per second of the window, oldest first, zero where nothing sold.
        public let seconds: [Second]
        public let top: [TopSKU]
    }

    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// The `window` whole seconds before `now` (the second under way is not over yet).
    public func figures(at now: Date, window: Int = 60, top: Int = 5) async throws -> Figures {
        let end = now.secondsSince1970
        let start = end - Int64(window)
        let rows = try await store.read(SQL(
            """
            SELECT CAST(created_at / 1000 AS BIGINT) AS second, CAST(COUNT(*) AS BIGINT) AS orders, CAST(SUM(total_cny) AS BIGINT) AS fen
            FROM orders WHERE created_at >= ? AND created_at < ? AND status <> 'cancelled'
            GROUP BY CAST(created_at / 1000 AS BIGINT)
            """, bind: start * 1000, end * 1000))
        var bySecond: [Int64: (Int64, Int64)] = [:]
        for row in rows { bySecond[try row.integer("second")] = (try row.integer("orders"), try row.integer("fen")) }
        let seconds = (start..<end).map { second in
            Second(second: second, orders: bySecond[second]?.0 ?? 0, gmv: Money(minorUnits: bySecond[second]?.1 ?? 0, currency: .CNY))
        }
        let best = try await store.read(SQL(
            """
            SELECT l.sku_id, MIN(l.name_en) AS name, CAST(SUM(l.quantity) AS BIGINT) AS units
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.created_at >= ? AND o.created_at < ? AND o.status <> 'cancelled'
            GROUP BY l.sku_id ORDER BY units DESC, l.sku_id LIMIT ?
            """, bind: start * 1000, end * 1000, top))
        return Figures(seconds: seconds, top: try best.map {
            TopSKU(skuID: try $0.text("sku_id"), name: try $0.text("name"), units: try $0.integer("units"))
        })
    }
}
