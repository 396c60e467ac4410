import Foundation
import Services
import Storage

/// Orders from a year ago, completed, made in bulk before a run so that checkout's cost per
/// order can be compared between a young database and one holding millions of orders.
enum BenchHistory {
    static func fill(_ store: any Store, orders: Int, consumerID: String, merchantID: String, skuID: String, productID: String) async throws {
        guard orders > 0 else { return }
        try await store.apply([.write(SQL(
            "INSERT INTO quotes (id, consumer_id, body, created_at, expires_at, used_at) VALUES ('q-history', ?, '{}', 0, 0, 0)",
            bind: consumerID))])
        let start = (Date() - 400 * 86_400).millisecondsSince1970
        let series = "WITH RECURSIVE n(i) AS (SELECT CAST(? AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        var done = 0
        while done < orders {
            let count = min(50_000, orders - done)
            let last = done + count - 1
            try await store.apply([
                .write(SQL(series + """
                    INSERT INTO orders (id, group_id, quote_id, consumer_id, merchant_id, status, rate, rate_source, rate_as_of, goods_cny,
                        freight_cny, tax_cny, total_cny, recipient, province, city, district, street, recipient_sealed, recipient_masked,
                        street_sealed, mobile_sealed, mobile_masked, created_at, pay_by, updated_at)
                    SELECT 'h-' || i, 'hg-' || i, 'q-history', ?, ?, 'completed', '1', 'history', 0, 10000, 2000, 1000, 13000,
                        '', '上海市', '上海市', '-', '', '-', '-', '-', '-', '-', ? + i, 0, 0 FROM n
                    """, bind: done, last, consumerID, merchantID, start)),
                .write(SQL(series + """
                    INSERT INTO order_lines (order_id, line_no, sku_id, product_id, name_en, name_zh, hs_code, quantity, unit_price_minor,
                        currency, goods_cny, freight_cny, consumption_tax_cny, vat_cny)
                    SELECT 'h-' || i, 1, ?, ?, '-', '-', '000000', 1, 100, 'USD', 10000, 2000, 0, 1000 FROM n
                    """, bind: done, last, skuID, productID)),
            ])
            done += count
        }
    }
}
