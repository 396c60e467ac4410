import Commerce
import Foundation
import Money
import Storage

/// The CNY sort key of each product: its cheapest SKU converted at the rate in force. Pages
/// always show prices converted afresh; the key only orders lists by price, and is refreshed
/// for a whole currency when a new rate is recorded.
public enum CatalogPricing {
    /// The key of a product with no usable rate: after every priced one.
    public static let unknown = Int64.max

    public static func sortKey(_ product: Product, book: RateBook, at now: Date) -> Int64 {
        guard let cheapest = product.skus.map(\.price).min(by: { $0.minorUnits < $1.minorUnits }),
              let converted = try? book.convert(cheapest, to: .CNY, at: now) else { return unknown }
        return converted.converted.minorUnits
    }

    /// The changes that re-key every product priced in a currency `rates` move to CNY. Integer
    /// arithmetic in SQL (minor × mantissa × 10^(2−exponent) ÷ 10^scale, truncated) is close
    /// enough to order by, and lets one statement re-key a million products.
    public static func refreshing(for rates: [ExchangeRate]) -> [Change] {
        rates.filter { $0.quote == .CNY && $0.base != .CNY }.map { rate in
            let shift = Currency.CNY.exponent - rate.base.exponent
            let numerator = rate.rate.mantissa * powerOfTen(max(shift, 0))
            let denominator = powerOfTen(rate.rate.scale) * powerOfTen(max(-shift, 0))
            // Only the newest rate of the pair re-keys: importing history leaves the keys alone.
            return .write(SQL(
                """
                UPDATE products SET sort_price_cny = from_price_minor * ? / ?
                WHERE from_price_currency = ?
                  AND ? >= (SELECT MAX(as_of) FROM fx_rates WHERE base = ? AND quote = 'CNY')
                """,
                bind: numerator, denominator, rate.base.code, rate.asOf.millisecondsSince1970, rate.base.code))
        }
    }
}
