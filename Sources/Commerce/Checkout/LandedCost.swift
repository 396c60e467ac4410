import Foundation
import Money

/// One line of a parcel as the buyer asks for it.
public struct ParcelItem: Sendable, Hashable {
    public let product: Product
    public let sku: SKU
    public let quantity: Int64

    public init(product: Product, sku: SKU, quantity: Int64) {
        self.product = product
        self.sku = sku
        self.quantity = quantity
    }
}

/// A line priced: the merchant's amount, its CNY value at the quote's rate (and what rounding
/// left), its share of the freight, and its tax.
public struct PricedLine: Sendable, Hashable {
    public let skuID: String
    public let productID: String
    public let hsCode: String
    public let quantity: Int64
    public let unitPrice: Money
    public let amount: Money
    public let goodsCNY: Money
    public let roundingRemainder: ExactDecimal
    public let freightCNY: Money
    public let tax: LineTax

    public init(skuID: String, productID: String, hsCode: String, quantity: Int64, unitPrice: Money, amount: Money,
                goodsCNY: Money, roundingRemainder: ExactDecimal, freightCNY: Money, tax: LineTax) {
        self.skuID = skuID
        self.productID = productID
        self.hsCode = hsCode
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.goodsCNY = goodsCNY
        self.roundingRemainder = roundingRemainder
        self.freightCNY = freightCNY
        self.tax = tax
    }
}

/// Everything a buyer pays for one parcel (one merchant's goods), in CNY: goods, freight,
/// cross-border tax, total. The whole landed cost, so that nothing is added at the door.
public struct LandedCost: Sendable, Hashable {
    public let merchantID: String
    public let lines: [PricedLine]
    public let rate: ExchangeRate
    public let weightGrams: Int64
    public let goods: Money
    public let freight: Money
    public let tax: Money
    /// Goods, freight and tax, added once, checked, when the parcel is priced.
    public let total: Money
    /// What the parcel counts against the buyer's allowance: its value, goods and freight, as
    /// customs counts the transaction.
    public let allowanceValue: Money

    public init(merchantID: String, lines: [PricedLine], rate: ExchangeRate, weightGrams: Int64, goods: Money, freight: Money,
                tax: Money) throws(MoneyError) {
        self.merchantID = merchantID
        self.lines = lines
        self.rate = rate
        self.weightGrams = weightGrams
        self.goods = goods
        self.freight = freight
        self.tax = tax
        self.allowanceValue = try goods.adding(freight)
        self.total = try allowanceValue.adding(tax)
    }
}

public enum LandedCostError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case cannotShip(productID: String, reason: String)
    case quantity(skuID: String)
    case mixedMerchants
    case overPerTransactionLimit(limit: Money, value: Money)
    case noGeneralTradeTariff(hsCode: String, limit: Money)
    case money(MoneyError)
    case tax(TaxError)

    public var description: String {
        switch self {
        case .empty: return "the parcel is empty"
        case .cannotShip(let id, let reason): return "\(id) cannot ship to China: \(reason)"
        case .quantity(let sku): return "the quantity of \(sku) must be from 1 to 999"
        case .mixedMerchants: return "a parcel holds one merchant's goods"
        case .overPerTransactionLimit(let limit, let value):
            return "a cross-border parcel may be worth at most \(limit.formatted(.en)) (this one: \(value.formatted(.en))); split the order"
        case .noGeneralTradeTariff(let hs, let limit):
            return "a single item worth more than \(limit.formatted(.en)) comes in as general trade, taxed in full with its import tariff, and no tariff is configured for HS \(hs); it cannot be quoted"
        case .money(let error): return error.description
        case .tax(let error): return error.description
        }
    }
}

extension LandedCost {
    /// Prices a parcel of `items` from `merchant` at `rate` (merchant currency → CNY) on `day`.
    /// Freight is shared between lines in proportion to their CNY value, the last fen to the
    /// largest remainders, so the shares add up to the freight exactly.
    public static func quote(
        _ items: [ParcelItem], merchant: Merchant, rate: ExchangeRate, freightTable: FreightTable, on day: Day,
        tariffs: GeneralTradeTariffs = .none
    ) throws(LandedCostError) -> LandedCost {
        guard !items.isEmpty else { throw .empty }
        var converted: [(item: ParcelItem, amount: Money, conversion: Conversion)] = []
        var grams: Int64 = 0
        for item in items {
            guard (1...999).contains(item.quantity) else { throw .quantity(skuID: item.sku.id) }
            if let reason = item.product.noShipReason { throw .cannotShip(productID: item.product.id, reason: reason.en) }
            guard item.sku.price.currency == merchant.currency else { throw .mixedMerchants }
            do throws(MoneyError) {
                let amount = try item.sku.price.multiplied(by: item.quantity)
                converted.append((item, amount, try rate.convert(amount)))
                let (weight, overWeight) = item.sku.weightGrams.multipliedReportingOverflow(by: item.quantity)
                let (sum, overSum) = grams.addingReportingOverflow(weight)
                guard !overWeight, !overSum else { throw MoneyError.overflow }
                grams = sum
            } catch { throw .money(error) }
        }
        let goods, freight, value: Money
        do {
            goods = try Money.sum(converted.map(\.conversion.converted), currency: .CNY)
            freight = try freightTable.freight(grams: grams, from: merchant.country)
            value = try goods.adding(freight)
        } catch { throw .money(error) }
        let shares = FreightShares.split(freight.minorUnits, by: converted.map { $0.conversion.converted.minorUnits })
        var treatment = TaxTreatment.withinLimits
        if let limits = CustomsRules.limits(on: day) {
            if value.minorUnits > limits.perTransaction.minorUnits {
                // Since 2019 a single indivisible item may still come in, taxed in full; before, or for more than one item, never.
                guard day >= CustomsRules.singleItemRuleFrom, items.count == 1, items[0].quantity == 1 else {
                    throw .overPerTransactionLimit(limit: limits.perTransaction, value: value)
                }
                guard let tariff = tariffs.rate(hsCode: items[0].product.hsCode) else {
                    throw .noGeneralTradeTariff(hsCode: items[0].product.hsCode, limit: limits.perTransaction)
                }
                treatment = .generalTrade(tariffRate: tariff)
            }
        }
        var lines: [PricedLine] = []
        for (index, entry) in converted.enumerated() {
            let dutiable: Money
            do { dutiable = try entry.conversion.converted.adding(Money(minorUnits: shares[index], currency: .CNY)) } catch {
                throw .money(error)
            }
            let tax: LineTax
            do { tax = try CrossBorderTax.line(dutiableValue: dutiable, hsCode: entry.item.product.hsCode, on: day,
                                                      treatment: treatment, quantity: entry.item.quantity,
                                                      netContent: entry.item.sku.netContent) } catch {
                throw .tax(error)
            }
            lines.append(PricedLine(
                skuID: entry.item.sku.id, productID: entry.item.product.id, hsCode: entry.item.product.hsCode,
                quantity: entry.item.quantity, unitPrice: entry.item.sku.price, amount: entry.amount,
                goodsCNY: entry.conversion.converted, roundingRemainder: entry.conversion.remainder,
                freightCNY: Money(minorUnits: shares[index], currency: .CNY), tax: tax))
        }
        do {
            return try LandedCost(merchantID: merchant.id, lines: lines, rate: rate, weightGrams: grams, goods: goods, freight: freight,
                                  tax: Money.sum(lines.map(\.tax.total), currency: .CNY))
        } catch { throw .money(error) }
    }
}

/// Splits an amount in proportion to weights, exactly: floor shares, then the leftover minor
/// units one each to the largest remainders (ties to the earlier line).
public enum FreightShares {
    public static func split(_ amount: Int64, by weights: [Int64]) -> [Int64] {
        let total = weights.reduce(0, +)
        guard total > 0 else {
            var even = weights.map { _ in amount / Int64(max(weights.count, 1)) }
            if !even.isEmpty { even[0] += amount - even.reduce(0, +) }
            return even
        }
        var shares = weights.map { Int64((Int128(amount) * Int128($0)) / Int128(total)) }
        let remainders = weights.enumerated().map { ($0.offset, (Int128(amount) * Int128($0.element)) % Int128(total)) }
        var left = amount - shares.reduce(0, +)
        for (index, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 {
            shares[index] += 1
            left -= 1
        }
        return shares
    }
}
