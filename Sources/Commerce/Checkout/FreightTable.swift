import Money

/// International freight from a merchant's country to a buyer in China, in CNY: a price for
/// the first 500 g and one for each further 500 g or part of it. The consolidation hub's
/// contract rates; an origin the table does not list uses the dearest lane.
public struct FreightTable: Sendable {
    public struct Lane: Sendable, Equatable {
        public let firstHalfKilo: Money
        public let eachFurtherHalfKilo: Money
    }

    public let lanes: [String: Lane]
    public let fallback: Lane

    public static let standard = FreightTable(
        lanes: [
            "US": Lane(firstHalfKilo: cny(6000), eachFurtherHalfKilo: cny(2000)),
            "IT": Lane(firstHalfKilo: cny(7000), eachFurtherHalfKilo: cny(2500)),
            "CH": Lane(firstHalfKilo: cny(7000), eachFurtherHalfKilo: cny(2500)),
            "FR": Lane(firstHalfKilo: cny(7000), eachFurtherHalfKilo: cny(2500)),
            "DE": Lane(firstHalfKilo: cny(7000), eachFurtherHalfKilo: cny(2500)),
            "GB": Lane(firstHalfKilo: cny(7000), eachFurtherHalfKilo: cny(2500)),
            "KR": Lane(firstHalfKilo: cny(3000), eachFurtherHalfKilo: cny(1000)),
            "JP": Lane(firstHalfKilo: cny(3500), eachFurtherHalfKilo: cny(1200)),
        ],
        fallback: Lane(firstHalfKilo: cny(8000), eachFurtherHalfKilo: cny(3000)))

    /// The freight for a parcel of `grams` from `origin`.
    public func freight(grams: Int64, from origin: String) throws(MoneyError) -> Money {
        let lane = lanes[origin] ?? fallback
        // Half-kilos begun, counted without adding to `grams` (which may be near the top of Int64).
        let halfKilos = max(1, grams / 500 + (grams % 500 > 0 ? 1 : 0))
        return try lane.firstHalfKilo.adding(lane.eachFurtherHalfKilo.multiplied(by: halfKilos - 1))
    }

    static func cny(_ fen: Int64) -> Money { Money(minorUnits: fen, currency: .CNY) }
}
