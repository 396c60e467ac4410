import Commerce
import Foundation
import Money
import TestSupport
import Testing

/// The tourist VAT refund rules against Reference/vat_refund.json: every dated figure there is
/// tried through the rule on the day it starts and the day before, so that a change the data
/// misses, or dates off by one, fail here.
@Suite("Tax-free forms: the rules of each country by date")
struct TaxFreeRulesTests {
    struct Entry {
        let from: Day
        let to: Day?
        let value: Any
    }

    static func reference() throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: ReferenceFile.data("vat_refund.json")) as? [String: Any]
        return json?["countries"] as? [[String: Any]] ?? []
    }

    static func day(_ text: String) -> Day {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return Day(parts[0], parts[1], parts[2])
    }

    static func entries(_ country: [String: Any], _ key: String, value: String) -> [Entry] {
        (country[key] as? [[String: Any]] ?? []).map { entry in
            Entry(from: day(entry["from"] as? String ?? ""), to: (entry["to"] as? String).map(day), value: entry[value] ?? "")
        }
    }

    static func before(_ day: Day) -> Day {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        let date = utc.date(byAdding: .day, value: -1, to: utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!)!
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return Day(parts.year!, parts.month!, parts.day!)
    }

    /// Noon on `day` in the country's zone.
    static func noon(_ day: Day, in country: TaxFreeRules.Country) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: country.timeZone)!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
    }

    static func sale(_ minor: Int64, _ country: TaxFreeRules.Country, on day: Day, id: String = "p1", shop: String = "s1",
                     goods: Bool = true) -> TillSale {
        TillSale(paymentID: id, shopID: shop, amount: Money(minorUnits: minor, currency: country.currency), at: noon(day, in: country),
                 goods: goods, formID: nil)
    }

    static func minor(_ text: String, _ currency: Currency) throws -> Int64 { try Money(decimal: text, currency: currency).minorUnits }

    @Test("the eight countries of the reference, each in its currency and with its sources")
    func countries() throws {
        let reference = try Self.reference()
        #expect(Set(TaxFreeRules.countries.map(\.code)) == Set(reference.compactMap { $0["country"] as? String }))
        for entry in reference {
            let country = try #require(TaxFreeRules.country(entry["country"] as? String ?? ""))
            #expect(country.currency.code == entry["currency"] as? String)
            #expect(!country.sources.isEmpty)
            #expect(TimeZone(identifier: country.timeZone) != nil)
        }
    }

    @Test("the minimum purchase: the reference's amount is enough on the day it starts, a cent less is not, and the day before the earlier amount holds")
    func minimums() throws {
        for entry in try Self.reference() {
            let country = try #require(TaxFreeRules.country(entry["country"] as? String ?? ""))
            for (index, rule) in Self.entries(entry, "min_purchase", value: "amount").enumerated() {
                let minimum = try Self.minor(rule.value as? String ?? "", country.currency)
                for day in [rule.from] + (rule.to.map { [$0] } ?? []) {
                    let at = max(minimum, 1)
                    #expect(throws: Never.self, "\(country.code) \(day)") {
                        try TaxFree.issue(for: Self.sale(at, country, on: day), sameStore: [], residence: "CN", in: country)
                    }
                    if minimum > 0 {
                        #expect(throws: TaxFreeRefusal.self, "\(country.code) \(day)") {
                            try TaxFree.issue(for: Self.sale(minimum - 1, country, on: day), sameStore: [], residence: "CN", in: country)
                        }
                    }
                }
                if index > 0 {
                    // The day before a change still uses the earlier minimum.
                    let earlier = try Self.minor(Self.entries(entry, "min_purchase", value: "amount")[index - 1].value as? String ?? "", country.currency)
                    let day = Self.before(rule.from)
                    #expect(country.minimum(on: day)?.minorUnits == earlier, "\(country.code) \(day)")
                    #expect(country.minimum(on: rule.from)?.minorUnits == minimum, "\(country.code) \(rule.from)")
                }
            }
        }
    }

    @Test("the VAT rate of each date is the reference's, and a form's VAT content is gross × rate / (1 + rate), half-up")
    func vatRates() throws {
        for entry in try Self.reference() {
            let country = try #require(TaxFreeRules.country(entry["country"] as? String ?? ""))
            var dated = Self.entries(entry, "vat_rate_by_date", value: "rate")
            if let flat = entry["vat_rate"] as? String { dated = [Entry(from: Day(2015, 1, 1), to: nil, value: flat)] }
            for rule in dated {
                let rate = try ExactDecimal(parsing: rule.value as? String ?? "")
                // Germany's cut to 16 % in the second half of 2020 is not in the reference: tried below.
                for day in [rule.from, rule.to ?? Day(2026, 12, 1)] where !(country.code == "DE" && day.year == 2020 && day.month > 6) {
                    #expect(country.vatRate(on: day) == rate, "\(country.code) \(day)")
                    guard country.schemeAvailable(on: day), country.minimum(on: day) != nil else { continue }
                    let gross: Int64 = 1_234_567
                    let form = try TaxFree.issue(for: Self.sale(gross, country, on: day), sameStore: [], residence: "CN", in: country)
                    // Exactly: vat = gross × m / (10^s + m), half-up.
                    let scale = Int64(pow(10, Double(rate.scale)))
                    let numerator = gross * rate.mantissa
                    let denominator = scale + rate.mantissa
                    let expected = (2 * numerator + denominator) / (2 * denominator)
                    #expect(form.vat.minorUnits == expected, "\(country.code) \(day)")
                    #expect(form.vatRate == rate)
                }
            }
            if dated.count > 1 {
                for (index, rule) in dated.enumerated().dropFirst() {
                    let earlier = try ExactDecimal(parsing: dated[index - 1].value as? String ?? "")
                    #expect(country.vatRate(on: Self.before(rule.from)) == earlier)
                }
            }
        }
        let germany = try #require(TaxFreeRules.country("DE"))
        #expect(germany.vatRate(on: Day(2020, 6, 30)) == ExactDecimal(mantissa: 19, scale: 2))
        #expect(germany.vatRate(on: Day(2020, 7, 1)) == ExactDecimal(mantissa: 16, scale: 2))
        #expect(germany.vatRate(on: Day(2020, 12, 31)) == ExactDecimal(mantissa: 16, scale: 2))
        #expect(germany.vatRate(on: Day(2021, 1, 1)) == ExactDecimal(mantissa: 19, scale: 2))
    }

    @Test("the United Kingdom: forms until 31 December 2020, refused from 1 January 2021 naming the withdrawal")
    func unitedKingdom() throws {
        let uk = try #require(TaxFreeRules.country("GB"))
        let schemes = try Self.reference().first { $0["country"] as? String == "GB" }.map { Self.entries($0, "scheme", value: "available") } ?? []
        #expect(!schemes.isEmpty)
        for scheme in schemes {
            for day in [scheme.from] + (scheme.to.map { [$0] } ?? []) {
                let sale = Self.sale(10_000, uk, on: day)
                if scheme.value as? Bool == true {
                    #expect(throws: Never.self) { try TaxFree.issue(for: sale, sameStore: [], residence: "CN", in: uk) }
                } else {
                    #expect(throws: TaxFreeRefusal.schemeWithdrawn(country: "GB", day: day)) {
                        try TaxFree.issue(for: sale, sameStore: [], residence: "CN", in: uk)
                    }
                }
            }
        }
    }

    @Test("Switzerland's export deadline: 30 days until 31 July 2020, 90 days from 1 August 2020")
    func swissDeadline() throws {
        let swiss = try #require(TaxFreeRules.country("CH"))
        let reference = try Self.reference().first { $0["country"] as? String == "CH" }
        for rule in Self.entries(try #require(reference), "export_deadline", value: "days") {
            let days = rule.value as? Int ?? 0
            for day in [rule.from] + (rule.to.map { [$0] } ?? []) {
                let form = try TaxFree.issue(for: Self.sale(30_000, swiss, on: day), sameStore: [], residence: "CN", in: swiss)
                var utc = Calendar(identifier: .gregorian)
                utc.timeZone = .gmt
                let start = utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
                let expected = utc.dateComponents([.year, .month, .day], from: utc.date(byAdding: .day, value: days, to: start)!)
                #expect(form.deadlineDay == Day(expected.year!, expected.month!, expected.day!), "\(day)")
            }
        }
    }

    @Test("deadlines at the end of the third month after the purchase month, and three months to the day")
    func monthDeadlines() throws {
        let france = try #require(TaxFreeRules.country("FR"))
        let italy = try #require(TaxFreeRules.country("IT"))
        #expect(try TaxFree.issue(for: Self.sale(20_000, france, on: Day(2024, 1, 15)), sameStore: [], residence: "CN", in: france).deadlineDay
                == Day(2024, 4, 30))
        #expect(try TaxFree.issue(for: Self.sale(20_000, france, on: Day(2024, 11, 30)), sameStore: [], residence: "CN", in: france).deadlineDay
                == Day(2025, 2, 28))
        #expect(try TaxFree.issue(for: Self.sale(20_000, italy, on: Day(2024, 11, 30)), sameStore: [], residence: "CN", in: italy).deadlineDay
                == Day(2025, 2, 28))
        #expect(try TaxFree.issue(for: Self.sale(20_000, italy, on: Day(2024, 3, 14)), sameStore: [], residence: "CN", in: italy).deadlineDay
                == Day(2024, 6, 14))
        // The deadline ends at midnight in the country, not in Beijing.
        let form = try TaxFree.issue(for: Self.sale(20_000, france, on: Day(2024, 1, 15)), sameStore: [], residence: "CN", in: france)
        #expect(TaxFree.day(of: form.deadline.addingTimeInterval(-1), in: france) == Day(2024, 4, 30))
        #expect(TaxFree.day(of: form.deadline, in: france) == Day(2024, 5, 1))
    }

    @Test("per store and day the traveller's receipts add up; per invoice they do not")
    func counting() throws {
        let france = try #require(TaxFreeRules.country("FR"))  // same store, same day: 100.01
        let germany = try #require(TaxFreeRules.country("DE"))  // one invoice: 50.01
        let day = Day(2025, 5, 10)
        let earlier = Self.sale(6_000, france, on: day, id: "p0")
        let form = try TaxFree.issue(for: Self.sale(4_001, france, on: day), sameStore: [earlier], residence: "CN", in: france)
        #expect(form.paymentIDs == ["p0", "p1"])
        #expect(form.gross.minorUnits == 10_001)
        let otherStore = Self.sale(6_000, france, on: day, id: "p0", shop: "s2")
        let otherDay = Self.sale(6_000, france, on: Day(2025, 5, 9), id: "p0")
        for other in [otherStore, otherDay] {
            #expect(throws: TaxFreeRefusal.self) {
                try TaxFree.issue(for: Self.sale(4_001, france, on: day), sameStore: [other], residence: "CN", in: france)
            }
        }
        #expect(throws: TaxFreeRefusal.belowMinimum(counted: Money(minorUnits: 3_000, currency: .EUR), minimum: Money(minorUnits: 5_001, currency: .EUR),
                                                    counting: .perInvoice)) {
            try TaxFree.issue(for: Self.sale(3_000, germany, on: day), sameStore: [Self.sale(3_000, germany, on: day, id: "p0")],
                              residence: "CN", in: germany)
        }
    }

    @Test("who may claim: a proven residence outside the country (and outside the EU in its members), goods only")
    func eligibility() throws {
        let france = try #require(TaxFreeRules.country("FR"))
        let swiss = try #require(TaxFreeRules.country("CH"))
        let day = Day(2025, 5, 10)
        #expect(throws: TaxFreeRefusal.residenceUnproven) { try TaxFree.issue(for: Self.sale(20_000, france, on: day), sameStore: [], residence: nil, in: france) }
        #expect(throws: TaxFreeRefusal.resident(of: "DE", country: "FR")) {
            try TaxFree.issue(for: Self.sale(20_000, france, on: day), sameStore: [], residence: "DE", in: france)
        }
        #expect(throws: Never.self) { try TaxFree.issue(for: Self.sale(40_000, swiss, on: day), sameStore: [], residence: "DE", in: swiss) }
        #expect(throws: TaxFreeRefusal.services) {
            try TaxFree.issue(for: Self.sale(20_000, france, on: day, goods: false), sameStore: [], residence: "CN", in: france)
        }
    }

    @Test("Korea's instant refund caps by date: per purchase and per trip, either side of 1 January 2024")
    func koreanCaps() throws {
        let korea = try #require(TaxFreeRules.country("KR"))
        let reference = try #require(try Self.reference().first { $0["country"] as? String == "KR" })
        for rule in reference["instant_refund"] as? [[String: Any]] ?? [] {
            let from = Self.day(rule["from"] as? String ?? "")
            let perPurchase = Money(minorUnits: try Self.minor(rule["per_purchase_max"] as? String ?? "", .KRW), currency: .KRW)
            let perTrip = Money(minorUnits: try Self.minor(rule["per_trip_max"] as? String ?? "", .KRW), currency: .KRW)
            for day in [from] + ((rule["to"] as? String).map { [Self.day($0)] } ?? []) {
                let caps = try #require(korea.caps(on: day))
                #expect(caps.perPurchase == perPurchase && caps.perTrip == perTrip, "\(day)")
                #expect(throws: Never.self) { try TaxFreeRefund.checkInstant(gross: perPurchase, trip: Money.zero(.KRW), caps: caps) }
                let over = Money(minorUnits: perPurchase.minorUnits + 1, currency: .KRW)
                #expect(throws: TaxFreeRefundError.instantPerPurchaseCap(gross: over, cap: perPurchase)) {
                    try TaxFreeRefund.checkInstant(gross: over, trip: Money.zero(.KRW), caps: caps)
                }
                let almostFull = Money(minorUnits: perTrip.minorUnits - perPurchase.minorUnits + 1, currency: .KRW)
                #expect(throws: TaxFreeRefundError.self) { try TaxFreeRefund.checkInstant(gross: perPurchase, trip: almostFull, caps: caps) }
            }
        }
        #expect(korea.caps(on: Day(2015, 12, 31)) == nil)
    }

    @Test("the refund is the VAT less the operator's fee for the band, never below the floor and never above the VAT")
    func refundQuote() throws {
        let day = Day(2025, 5, 10)
        let small = try TaxFreeRefund.quote(vat: Money(minorUnits: 1_667, currency: .EUR), gross: Money(minorUnits: 10_001, currency: .EUR),
                                            country: "FR", day: day)
        #expect(small.fee.minorUnits == 750)  // 45 % of 16.67, half-up
        #expect(small.refund.minorUnits == 917)
        let large = try TaxFreeRefund.quote(vat: Money(minorUnits: 50_000, currency: .EUR), gross: Money(minorUnits: 300_000, currency: .EUR),
                                            country: "FR", day: day)
        #expect(large.fee.minorUnits == 12_500)
        let tiny = try TaxFreeRefund.quote(vat: Money(minorUnits: 200, currency: .EUR), gross: Money(minorUnits: 1_200, currency: .EUR),
                                           country: "ES", day: day)
        #expect(tiny.fee.minorUnits == 200 && tiny.refund.minorUnits == 0)
        for quote in [small, large, tiny] {
            #expect(try quote.fee.adding(quote.refund) == quote.vat)
        }
    }

    @Test("a validation, a refusal and the deadline each close the form once; an instant refund is clawed back once")
    func lifecycle() {
        let deadline = Date(timeIntervalSince1970: 1_000_000)
        #expect(TaxFreeRefund.receive(validated: true, exportedAt: deadline - 1, status: .issued, refund: .instant, deadline: deadline)
                == .validated(payNow: false))
        #expect(TaxFreeRefund.receive(validated: true, exportedAt: deadline - 1, status: .issued, refund: .awaitingValidation, deadline: deadline)
                == .validated(payNow: true))
        #expect(TaxFreeRefund.receive(validated: true, exportedAt: deadline, status: .issued, refund: .instant, deadline: deadline)
                == .closed(.expired, clawBack: true, reason: "exported after the deadline"))
        #expect(TaxFreeRefund.receive(validated: false, exportedAt: deadline - 1, status: .issued, refund: .instant, deadline: deadline)
                == .closed(.refused, clawBack: true, reason: "customs refused the validation"))
        for status in [TaxFreeFormStatus.validated, .refused, .expired] {
            if case .nothing = TaxFreeRefund.receive(validated: true, exportedAt: deadline - 1, status: status, refund: .instant, deadline: deadline) {
            } else { Issue.record("a \(status) form moved again") }
            if case .nothing = TaxFreeRefund.expire(status: status, refund: .instant, deadline: deadline, now: deadline + 1) {
            } else { Issue.record("a \(status) form expired again") }
        }
        if case .nothing = TaxFreeRefund.expire(status: .issued, refund: .instant, deadline: deadline, now: deadline - 1) {
        } else { Issue.record("expired before its deadline") }
        #expect(TaxFreeRefund.expire(status: .issued, refund: .awaitingValidation, deadline: deadline, now: deadline)
                == .closed(.expired, clawBack: false, reason: "no export validation by the deadline"))
    }
}
