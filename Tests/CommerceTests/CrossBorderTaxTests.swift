import Commerce
import Foundation
import Money
import TestSupport
import Testing

/// Cases from Reference/customs.json: its rules, its worked examples and the published
/// comprehensive rates must come out of the calculator.
@Suite("Cross-border tax")
struct CrossBorderTaxTests {
    struct Reference: Decodable {
        struct Limit: Decodable {
            let effective_from: String
            let effective_to: String?
            let per_transaction_cny: Int64
            let annual_cny: Int64
        }
        struct Rate: Decodable {
            let effective_from: String
            let effective_to: String?
            let rate: String
        }
        struct Published: Decodable {
            let goods: String
            let rate_percent: String
            let from: String
        }
        struct Example: Decodable {
            let goods: String
            let vat: String
            let consumption_tax: String
            let total_tax: String
        }
        let personal_limits: [Limit]
        let vat_rates: [Rate]
        let published_comprehensive_rates: [Published]
        let worked_examples: [Example]
    }

    func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: ReferenceFile.data("customs.json"))
    }

    static func day(_ text: String) -> Day {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return Day(parts[0], parts[1], parts[2])
    }

    @Test("the dated limits and VAT rates are the reference's")
    func rulesMatchReference() throws {
        let reference = try reference()
        #expect(CustomsRules.personalLimits.count == reference.personal_limits.count)
        for (rule, source) in zip(CustomsRules.personalLimits, reference.personal_limits) {
            #expect(rule.from == Self.day(source.effective_from) && rule.to == source.effective_to.map(Self.day))
            #expect(rule.value.perTransaction.minorUnits == source.per_transaction_cny * 100)
            #expect(rule.value.annual.minorUnits == source.annual_cny * 100)
        }
        #expect(CustomsRules.vatRates.count == reference.vat_rates.count)
        for (rule, source) in zip(CustomsRules.vatRates, reference.vat_rates) {
            #expect(rule.from == Self.day(source.effective_from) && rule.to == source.effective_to.map(Self.day))
            #expect(rule.value == (try ExactDecimal(parsing: source.rate)))
        }
    }

    struct ConsumptionTaxReference: Decodable {
        struct Category: Decodable {
            let name: String
            let hs_prefixes: [String]?
        }
        struct Section: Decodable { let categories: [Category] }
        let consumption_tax: Section
    }

    /// The thresholds the reference states in each category's name ("≥ 10 CNY per ml or g, or
    /// ≥ 15 CNY per piece"; "≥ 10,000 CNY each"), read from its own words.
    static func thresholds(in name: String) -> [Int64] {
        let pattern = /(?:>=|≥)\s*([0-9][0-9,]*)\s*CNY/
        return name.matches(of: pattern).compactMap { Int64($0.output.1.replacingOccurrences(of: ",", with: "")) }
    }

    @Test("the high-end thresholds are the reference's, for the same HS prefixes")
    func highEndThresholdsMatchReference() throws {
        let reference = try JSONDecoder().decode(ConsumptionTaxReference.self, from: ReferenceFile.data("customs.json"))
        let today = Day(2026, 11, 23)
        for tax in CustomsRules.consumptionTaxes where !tax.highEnd.isEmpty {
            let source = try #require(reference.consumption_tax.categories.first { $0.hs_prefixes == tax.hsPrefixes }, "\(tax.name)")
            let stated = Self.thresholds(in: source.name).map { $0 * 100 }
            switch try #require(tax.highEnd.first { $0.covers(today) }).value {
            case .perNetContent(let perMilliliterOrGram, let perPiece):
                #expect(stated == [perMilliliterOrGram.minorUnits, perPiece.minorUnits], "\(source.name)")
            case .perItem(let each):
                #expect(stated == [each.minorUnits], "\(source.name)")
            }
        }
    }

    /// Cai Shui [2016] No. 103 and [2006] No. 33, by their own thresholds: a sunscreen at a few
    /// yuan a ml and an ordinary watch carry no consumption tax; at or above the line they do.
    @Test("consumption tax reaches only high-end cosmetics and watches", arguments: [
        // (HS, dutiable CNY, quantity, net content, taxed)
        ("330499", "400.00", 1, "50 ml", false),    // 8 CNY/ml
        ("330499", "499.99", 1, "50 ml", false),    // just under 10 CNY/ml
        ("330499", "500.00", 1, "50 ml", true),     // exactly 10 CNY/ml
        ("330499", "1000.00", 2, "50 ml", true),    // two jars: still 10 CNY/ml
        ("330499", "999.99", 2, "50 ml", false),
        ("330499", "75.00", 1, "7.5 g", true),      // 10 CNY/g
        ("330499", "74.99", 1, "7.5 g", false),
        ("330499", "150.00", 1, "10 pcs", true),    // 15 CNY a mask
        ("330499", "149.99", 1, "10 pcs", false),
        ("330300", "2000.00", 1, "100 ml", true),   // perfume, 20 CNY/ml
        ("330499", "100.00", 1, nil, true),         // content unknown: nothing shows it below the line
        ("910221", "9999.99", 1, nil, false),       // an ordinary watch
        ("910221", "10000.00", 1, nil, true),       // a high-end watch
        ("910221", "19999.98", 2, nil, false),      // two watches under 10,000 each
        ("711319", "100.00", 1, nil, true),         // jewellery: no threshold
    ] as [(String, String, Int64, String?, Bool)])
    func highEnd(hs: String, value: String, quantity: Int64, content: String?, taxed: Bool) throws {
        let day = Day(2026, 11, 23)
        let rate = CustomsRules.consumptionTaxRate(hsCode: hs, on: day, dutiableValue: try Money(decimal: value, currency: .CNY),
                                                   quantity: quantity, netContent: try content.map(NetContent.init(parsing:)))
        #expect(rate.isPositive == taxed)
        let line = try CrossBorderTax.line(dutiableValue: try Money(decimal: value, currency: .CNY), hsCode: hs, on: day,
                                           quantity: quantity, netContent: try content.map(NetContent.init(parsing:)))
        #expect(line.consumptionTax.isZero == !taxed)
    }

    @Test("net content is an amount and a unit: ml, g or pieces, in English or Chinese")
    func netContent() throws {
        for (text, shown) in [("50 ml", "50 ml"), ("7.5g", "7.5 g"), ("10 pcs", "10 pcs"), ("1 piece", "1 pcs"), ("200 克", "200 g"),
                              ("50毫升", "50 ml"), ("10 片", "10 pcs"), ("0.125 ML", "0.125 ml")] {
            #expect(try NetContent(parsing: text).description == shown, "\(text)")
        }
        for text in ["", "50", "ml", "0 ml", "-5 ml", "5.1234 ml", "50 oz", "１０ ml", "100001 g", "5e2 ml"] {
            #expect(throws: CatalogError.self, "\(text)") { try NetContent(parsing: text) }
        }
    }

    @Test("every worked example in the reference")
    func workedExamples() throws {
        for example in try reference().worked_examples {
            // "general goods, 1,000.00 CNY dutiable value, 2019-06-01"
            let value = try #require(example.goods.firstMatch(of: /([\d,]+\.\d{2}) CNY/)).1.replacingOccurrences(of: ",", with: "")
            let day = Self.day(String(try #require(example.goods.firstMatch(of: /\d{4}-\d{2}-\d{2}/)).0))
            let tax = try CrossBorderTax.line(dutiableValue: Money(decimal: value, currency: .CNY), hsCode: "620520", on: day)
            #expect(tax.vat.decimalText == example.vat)
            #expect(tax.consumptionTax.decimalText == example.consumption_tax)
            #expect(tax.total.decimalText == example.total_tax)
        }
    }

    @Test("the published comprehensive rates come out of the calculator")
    func publishedRates() throws {
        for published in try reference().published_comprehensive_rates {
            let from = Self.day(published.from)
            let hs = published.goods.hasPrefix("cosmetics") ? "330499" : "620520"
            let value = Money(minorUnits: 100_000_000, currency: .CNY)  // one million yuan: the rate to 0.01 %
            let tax = try CrossBorderTax.line(dutiableValue: value, hsCode: hs, on: from)
            let expected = try ExactDecimal(parsing: published.rate_percent)
            // total ÷ value × 100, kept to one decimal as published
            let tenths = Rounding.halfUp.divide(Int128(tax.total.minorUnits) * 1000, by: Int128(value.minorUnits))
            #expect(ExactDecimal(mantissa: Int64(tenths), scale: 1) == expected, "\(published.goods)")
        }
    }

    @Test("consumption tax follows the HS code and the date; rounding is half-up to the fen")
    func consumptionTax() throws {
        let day = Day(2026, 11, 23)
        // cosmetics 15%, VAT 13%: CT = 100 / 0.85 × 0.15 = 17.647…; × 0.7 = 12.3529… → 12.35
        // VAT = 100 / 0.85 × 0.13 = 15.294…; × 0.7 = 10.7058… → 10.71
        let serum = try CrossBorderTax.line(dutiableValue: Money(minorUnits: 10_000, currency: .CNY), hsCode: "330499", on: day)
        #expect(serum.consumptionTax.minorUnits == 1235 && serum.vat.minorUnits == 1071)
        let shirt = try CrossBorderTax.line(dutiableValue: Money(minorUnits: 10_000, currency: .CNY), hsCode: "620520", on: day)
        #expect(shirt.consumptionTax.isZero && shirt.vat.minorUnits == 910)
        // 0.5 fen exactly rounds up: 5 fen × 0.13 × 0.7 = 0.455 fen → 0; 50 fen → 4.55 → 5
        let half = try CrossBorderTax.line(dutiableValue: Money(minorUnits: 50, currency: .CNY), hsCode: "620520", on: day)
        #expect(half.vat.minorUnits == 5)
        #expect(throws: TaxError.noRulesOn(Day(2010, 1, 1))) {
            try CrossBorderTax.line(dutiableValue: Money(minorUnits: 1, currency: .CNY), hsCode: "620520", on: Day(2010, 1, 1))
        }
        #expect(throws: TaxError.notCNY(.USD)) {
            try CrossBorderTax.line(dutiableValue: Money(minorUnits: 1, currency: .USD), hsCode: "620520", on: day)
        }
    }
}

@Suite("Landed cost")
struct LandedCostTests {
    let merchant = Merchant(id: "m", name: LocalizedText(en: "M", zh: "M"), country: "US", currency: .USD, kind: .brand, onboardedBy: nil)
    let day = Day(2026, 11, 23)

    func item(_ id: String, price: Int64, grams: Int64, quantity: Int64, hs: String = "200819") -> ParcelItem {
        let sku = SKU(id: id, variant: LocalizedText(en: "v", zh: "v"), price: Money(minorUnits: price, currency: .USD),
                      weightGrams: grams, onHand: 100)
        let product = Product(id: "p-\(id)", storefrontID: "s", name: LocalizedText(en: id, zh: id),
                              description: LocalizedText(en: "d", zh: "d"), category: "food", brand: "b", hsCode: hs,
                              originCountry: "US", noShipReason: nil, artwork: Artwork(shape: .jar, color: "#000000"), skus: [sku])
        return ParcelItem(product: product, sku: sku, quantity: quantity)
    }

    @Test("goods, freight and tax add up to the total; freight shares add up to the freight")
    func addsUp() throws {
        let rate = try ExchangeRate(base: .USD, quote: .CNY, rate: ExactDecimal(parsing: "7.1180"), source: "t", asOf: Date())
        let cost = try LandedCost.quote([item("a", price: 1899, grams: 1250, quantity: 2), item("b", price: 1349, grams: 1400, quantity: 1)],
                                        merchant: merchant, rate: rate, freightTable: .standard, on: day)
        #expect(cost.weightGrams == 3900)
        #expect(try cost.freight == FreightTable.standard.freight(grams: 3900, from: "US"))
        #expect(cost.freight.minorUnits == 6000 + 7 * 2000)
        #expect(cost.lines.reduce(0) { $0 + $1.freightCNY.minorUnits } == cost.freight.minorUnits)
        #expect(cost.goods.minorUnits == cost.lines.reduce(0) { $0 + $1.goodsCNY.minorUnits })
        #expect(cost.goods.minorUnits == 27034 + 9602)  // 37.98 × 7.118 = 270.34164; 13.49 × 7.118 = 96.02182
        #expect(cost.total.minorUnits == cost.goods.minorUnits + cost.freight.minorUnits + cost.tax.minorUnits)
        for line in cost.lines {
            let expected = try CrossBorderTax.line(dutiableValue: Money(minorUnits: line.goodsCNY.minorUnits + line.freightCNY.minorUnits,
                                                                        currency: .CNY), hsCode: line.hsCode, on: day)
            #expect(line.tax == expected)
        }
    }

    @Test("a parcel above the per-transaction limit is refused, naming the limit")
    func limit() throws {
        let rate = try ExchangeRate(base: .USD, quote: .CNY, rate: ExactDecimal(parsing: "7.1180"), source: "t", asOf: Date())
        let freight = try FreightTable.standard.freight(grams: 1000, from: "US")
        #expect(throws: LandedCostError.overPerTransactionLimit(limit: Money(minorUnits: 500_000, currency: .CNY),
                                                                value: Money(minorUnits: 569_440 * 2 + freight.minorUnits, currency: .CNY))) {
            try LandedCost.quote([item("a", price: 80000, grams: 500, quantity: 2)], merchant: merchant, rate: rate,
                                 freightTable: .standard, on: day)
        }
        #expect(throws: LandedCostError.quantity(skuID: "a")) {
            try LandedCost.quote([item("a", price: 100, grams: 500, quantity: 0)], merchant: merchant, rate: rate,
                                 freightTable: .standard, on: day)
        }
    }

    @Test("a price or a weight that would overflow when multiplied out is an error, never a trap or a wrapped amount")
    func overflowIsAnError() throws {
        let rate = try ExchangeRate(base: .USD, quote: .CNY, rate: ExactDecimal(parsing: "7.1180"), source: "t", asOf: Date())
        for items in [[item("a", price: Int64.max / 2, grams: 500, quantity: 3)],
                      [item("a", price: 100, grams: Int64.max / 2, quantity: 3)],
                      [item("a", price: 100, grams: Int64.max - 10, quantity: 1), item("b", price: 100, grams: 20, quantity: 1)]] {
            #expect(throws: LandedCostError.money(.overflow)) {
                try LandedCost.quote(items, merchant: merchant, rate: rate, freightTable: .standard, on: day)
            }
        }
    }

    /// customs.json, limit_rules: since 2019 a single indivisible item above the per-transaction
    /// limit comes in taxed in full as general trade; before 2019, and for more than one item, it
    /// is refused. The tariff rate is the operator's (the reference has no schedule): 10 % here.
    @Test("a single indivisible item above the limit is taxed in full with its tariff since 2019, refused before")
    func singleIndivisibleItem() throws {
        let rate = try ExchangeRate(base: .USD, quote: .CNY, rate: ExactDecimal(parsing: "8"), source: "t", asOf: Date())
        let watch = item("w", price: 99_250, grams: 300, quantity: 1, hs: "910211")  // 992.50 × 8 = 7,940.00 CNY
        let tariffs = GeneralTradeTariffs(["9102": ExactDecimal(mantissa: 10, scale: 2)])
        let cost = try LandedCost.quote([watch], merchant: merchant, rate: rate, freightTable: .standard, on: day, tariffs: tariffs)
        // D = 7,940 + 60 freight = 8,000; tariff 800; B = 8,800. Under 10,000 CNY the watch is not
        // high-end (Cai Shui [2006] No. 33): no CT; VAT = 8,800 × 0.13 = 1,144.
        let tax = try #require(cost.lines.first?.tax)
        #expect(tax.dutiableValue.minorUnits == 800_000)
        #expect(tax.tariff.minorUnits == 80_000)
        #expect(tax.consumptionTax.isZero)
        #expect(tax.vat.minorUnits == 114_400)
        #expect(cost.tax.minorUnits == 194_400)
        // 1,492.50 × 8 = 11,940 + 60 = 12,000: high-end. Tariff 1,200; B = 13,200;
        // CT = 13,200 × 0.2 / 0.8 = 3,300; VAT = 13,200 × 0.13 / 0.8 = 2,145.
        let fine = try LandedCost.quote([item("f", price: 149_250, grams: 300, quantity: 1, hs: "910211")], merchant: merchant, rate: rate,
                                        freightTable: .standard, on: day, tariffs: tariffs)
        let fineTax = try #require(fine.lines.first?.tax)
        #expect(fineTax.tariff.minorUnits == 120_000 && fineTax.consumptionTax.minorUnits == 330_000 && fineTax.vat.minorUnits == 214_500)
        #expect(throws: LandedCostError.noGeneralTradeTariff(hsCode: "910211", limit: Money(minorUnits: 500_000, currency: .CNY))) {
            try LandedCost.quote([watch], merchant: merchant, rate: rate, freightTable: .standard, on: day)
        }
        let two = item("w", price: 99_250, grams: 300, quantity: 2, hs: "910211")
        #expect(throws: LandedCostError.self) {
            try LandedCost.quote([two], merchant: merchant, rate: rate, freightTable: .standard, on: day, tariffs: tariffs)
        }
        let cheaper = item("w", price: 30_000, grams: 300, quantity: 1, hs: "910211")  // 2,400 CNY: above 2018's limit of 2,000
        #expect(throws: LandedCostError.self) {
            try LandedCost.quote([cheaper], merchant: merchant, rate: rate, freightTable: .standard, on: Day(2018, 6, 1), tariffs: tariffs)
        }
    }

    @Test("freight shares are exact and proportional")
    func shares() {
        let cases: [(Int64, [Int64], [Int64])] = [
            (10, [1, 1, 1], [4, 3, 3]), (100, [50, 30, 20], [50, 30, 20]), (1, [5, 5], [1, 0]),
            (7, [0, 0], [4, 3]),  // no weights: even shares, the odd fen to the first
        ]
        for (amount, weights, expected) in cases {
            #expect(FreightShares.split(amount, by: weights) == expected)
        }
    }
}
