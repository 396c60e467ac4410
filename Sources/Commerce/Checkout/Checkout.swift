import Foundation
import Money

/// A line of the buyer's cart.
public struct CartLine: Sendable, Hashable {
    public let skuID: String
    public let quantity: Int64

    public init(skuID: String, quantity: Int64) {
        self.skuID = skuID
        self.quantity = quantity
    }
}

/// What checkout fixes for a while: every parcel's landed cost at the rates of the moment. It
/// is honoured until `expiresAt` even if rates move; after that it must be made again.
public struct Quote: Sendable, Hashable {
    public let id: String
    public let consumerID: String
    public let addressID: String
    public let createdAt: Date
    public let expiresAt: Date
    public let parcels: [LandedCost]

    /// Every parcel's total, added once, checked, when the quote is made.
    public let total: Money
    /// What the quote counts against the buyer's annual allowance: each parcel's value, goods
    /// and freight, as customs counts the transaction.
    public let allowanceValue: Money

    public func isValid(at now: Date) -> Bool { now < expiresAt }

    public init(id: String, consumerID: String, addressID: String, createdAt: Date, expiresAt: Date, parcels: [LandedCost])
        throws(MoneyError) {
        self.id = id
        self.consumerID = consumerID
        self.addressID = addressID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.parcels = parcels
        self.total = try Money.sum(parcels.map(\.total), currency: .CNY)
        self.allowanceValue = try Money.sum(parcels.map(\.allowanceValue), currency: .CNY)
    }
}

public enum CheckoutError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyCart
    case unknownSKU(String)
    case unknownQuote(String)
    case quantity(skuID: String)
    case notEnoughStock(skuID: String, available: Int64)
    case quoteExpired(expiredAt: Date)
    case landedCost(LandedCostError)
    case identityRequired
    case annualLimit(limit: Money, used: Money, asked: Money)

    public var description: String {
        switch self {
        case .emptyCart: return "the cart is empty"
        case .unknownSKU(let id): return "there is no SKU \(id)"
        case .unknownQuote(let id): return "there is no quote \(id) of yours"
        case .quantity(let id): return "the quantity of \(id) must be from 1 to 999"
        case .notEnoughStock(let id, let available): return "only \(available) of \(id) left"
        case .quoteExpired(let at): return "the quote expired at \(at.ISO8601Format()); ask for a new one, prices may have moved"
        case .landedCost(let error): return error.description
        case .identityRequired:
            return "cross-border orders are declared in the buyer's real name: enrol your identity (ePass) before checking out"
        case .annualLimit(let limit, let used, let asked):
            let left = ImportAllowance.left(of: limit, used: used)
            return "this order (\(asked.formatted(.en))) would pass the annual limit of \(limit.formatted(.en)) for cross-border purchases; \(left.formatted(.en)) is left this year"
        }
    }
}

extension Quote {
    /// Splits the cart into one parcel per merchant — each clears customs on its own — and
    /// prices each with its merchant's rate into CNY.
    public static func make(
        id: String, consumerID: String, addressID: String, items: [(merchant: Merchant, item: ParcelItem)],
        rates: RateBook, freightTable: FreightTable, tariffs: GeneralTradeTariffs = .none, at now: Date, validFor: TimeInterval
    ) throws(CheckoutError) -> Quote {
        guard !items.isEmpty else { throw .emptyCart }
        var order: [String] = []
        var groups: [String: (merchant: Merchant, items: [ParcelItem])] = [:]
        for (merchant, item) in items {
            guard (1...999).contains(item.quantity) else { throw .quantity(skuID: item.sku.id) }
            guard item.quantity <= item.sku.available else { throw .notEnoughStock(skuID: item.sku.id, available: item.sku.available) }
            if groups[merchant.id] == nil { order.append(merchant.id) }
            groups[merchant.id, default: (merchant, [])].items.append(item)
        }
        var parcels: [LandedCost] = []
        for merchantID in order {
            guard let group = groups[merchantID] else { continue }
            let rate: ExchangeRate
            do { rate = try rates.rate(from: group.merchant.currency, to: .CNY, at: now) } catch {
                throw .landedCost(.money(error))
            }
            do {
                parcels.append(try LandedCost.quote(group.items, merchant: group.merchant, rate: rate,
                                                    freightTable: freightTable, on: Day(beijing: now), tariffs: tariffs))
            } catch {
                throw .landedCost(error)
            }
        }
        do { return try Quote(id: id, consumerID: consumerID, addressID: addressID, createdAt: now, expiresAt: now + validFor, parcels: parcels) }
        catch { throw .landedCost(.money(error)) }
    }
}
