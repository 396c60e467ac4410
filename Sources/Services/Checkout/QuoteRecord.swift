import Commerce
import Foundation
import Money

/// A quote as stored: every figure as it was fixed, so that what the buyer was shown is what
/// the order is placed at, whatever rates do meanwhile.
struct QuoteRecord: Codable {
    struct Line: Codable {
        let skuID: String
        let productID: String
        let hsCode: String
        let quantity: Int64
        let unitPriceMinor: Int64
        let currency: String
        let goodsCNY: Int64
        let remainderMantissa: Int64
        let remainderScale: Int
        let freightCNY: Int64
        let consumptionTaxCNY: Int64
        let vatCNY: Int64
        /// Absent in quotes stored before tariffs existed: zero.
        let tariffCNY: Int64?
    }

    struct Parcel: Codable {
        let merchantID: String
        let base: String
        let rate: String
        let rateSource: String
        let rateAsOf: Int64
        let weightGrams: Int64
        let lines: [Line]
    }

    let id: String
    let consumerID: String
    let addressID: String
    let createdAt: Int64
    let expiresAt: Int64
    let parcels: [Parcel]

    init(_ quote: Quote) {
        id = quote.id
        consumerID = quote.consumerID
        addressID = quote.addressID
        createdAt = quote.createdAt.millisecondsSince1970
        expiresAt = quote.expiresAt.millisecondsSince1970
        parcels = quote.parcels.map { parcel in
            Parcel(merchantID: parcel.merchantID, base: parcel.rate.base.code, rate: parcel.rate.rate.description,
                   rateSource: parcel.rate.source, rateAsOf: parcel.rate.asOf.millisecondsSince1970, weightGrams: parcel.weightGrams,
                   lines: parcel.lines.map { line in
                       Line(skuID: line.skuID, productID: line.productID, hsCode: line.hsCode, quantity: line.quantity,
                            unitPriceMinor: line.unitPrice.minorUnits, currency: line.unitPrice.currency.code,
                            goodsCNY: line.goodsCNY.minorUnits, remainderMantissa: line.roundingRemainder.mantissa,
                            remainderScale: line.roundingRemainder.scale, freightCNY: line.freightCNY.minorUnits,
                            consumptionTaxCNY: line.tax.consumptionTax.minorUnits, vatCNY: line.tax.vat.minorUnits,
                            tariffCNY: line.tax.tariff.minorUnits)
                   })
        }
    }

    func quote() throws -> Quote {
        let parcels = try self.parcels.map { parcel in
            let base = try Currency(code: parcel.base)
            let rate = try ExchangeRate(base: base, quote: .CNY, rate: try ExactDecimal(parsing: parcel.rate),
                                        source: parcel.rateSource, asOf: Date(millisecondsSince1970: parcel.rateAsOf))
            let lines = try parcel.lines.map { line in
                let currency = try Currency(code: line.currency)
                let goods = Money(minorUnits: line.goodsCNY, currency: .CNY)
                let freight = Money(minorUnits: line.freightCNY, currency: .CNY)
                return PricedLine(
                    skuID: line.skuID, productID: line.productID, hsCode: line.hsCode, quantity: line.quantity,
                    unitPrice: Money(minorUnits: line.unitPriceMinor, currency: currency),
                    amount: try Money(minorUnits: line.unitPriceMinor, currency: currency).multiplied(by: line.quantity),
                    goodsCNY: goods, roundingRemainder: ExactDecimal(mantissa: line.remainderMantissa, scale: line.remainderScale),
                    freightCNY: freight,
                    tax: try LineTax(dutiableValue: try goods.adding(freight),
                                 consumptionTax: Money(minorUnits: line.consumptionTaxCNY, currency: .CNY),
                                 vat: Money(minorUnits: line.vatCNY, currency: .CNY),
                                 tariff: Money(minorUnits: line.tariffCNY ?? 0, currency: .CNY)))
            }
            return try LandedCost(
                merchantID: parcel.merchantID, lines: lines, rate: rate, weightGrams: parcel.weightGrams,
                goods: try Money.sum(lines.map(\.goodsCNY), currency: .CNY),
                freight: try Money.sum(lines.map(\.freightCNY), currency: .CNY),
                tax: try Money.sum(lines.map(\.tax.total), currency: .CNY))
        }
        return try Quote(id: id, consumerID: consumerID, addressID: addressID, createdAt: Date(millisecondsSince1970: createdAt),
                     expiresAt: Date(millisecondsSince1970: expiresAt), parcels: parcels)
    }
}
