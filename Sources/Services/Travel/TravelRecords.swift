import Commerce
import Foundation
import Money
import Storage

/// A merchant's shop abroad, where travellers pay at the till.
public struct Shop: Sendable, Hashable {
    public let id: String
    public let merchantID: String
    public let name: LocalizedText
    public let country: String
    public let city: String
    public let street: String
    /// The merchant's currency, which is the country's: the till charges in it.
    public let currency: Currency
}

/// A payment at a till, with what it converted to and what was refunded since.
public struct TillPayment: Sendable, Hashable {
    public let id: String
    public let shopID: String
    public let merchantID: String
    public let consumerID: String
    public let amount: Money
    public let cny: Money
    public let rate: String
    public let rateSource: String
    public let commission: Money
    public let refunded: Money
    public let refundedCNY: Money
    public let refundedCommission: Money
    public let goods: Bool
    public let formID: String?
    public let createdAt: Date

    /// What the traveller paid less what the till gave back.
    public var kept: Money { (try? amount.subtracting(refunded)) ?? Money.zero(amount.currency) }  // safe: refunds never exceed the amount

    var sale: TillSale { TillSale(paymentID: id, shopID: shopID, amount: kept, at: createdAt, goods: goods, formID: formID) }
}

/// A tax-free form as the traveller, the store and ops see it.
public struct TaxFreeFormView: Sendable, Hashable {
    public let id: String
    public let consumerID: String
    public let shopID: String
    public let merchantID: String
    public let country: String
    public let purchaseDay: String
    public let gross: Money
    public let vatRate: String
    public let vat: Money
    public let fee: Money
    public let refund: Money
    public let refundCNY: Money?
    public let refundRate: String?
    public let refundStatus: TaxFreeRefundStatus
    public let status: TaxFreeFormStatus
    public let deadlineDay: String
    public let deadline: Date
    public let validation: String
    public let createdAt: Date
    public let closedAt: Date?
    public let closeReason: String?
    public let paymentIDs: [String]
}

/// Why a traveller's, a store's or ops' request about money abroad cannot be done.
public enum TravelError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownShop(String)
    case unknownPayment(String)
    case unknownForm(String)
    case unknownCharge
    case shopCountry(String)
    case shopCurrency(country: String, currency: Currency)
    case walletTooLow(balance: Money, needed: Money)
    case amount(String)
    case text(field: String, String)
    case card(String)
    case refundTooLarge(most: Money)
    case topUpNotSettled(String)

    public var field: String? {
        switch self {
        case .unknownShop: return "shopId"
        case .unknownPayment: return "paymentId"
        case .unknownForm: return "formId"
        case .unknownCharge: return "token"
        case .shopCountry, .shopCurrency: return "country"
        case .walletTooLow, .topUpNotSettled: return nil
        case .amount, .refundTooLarge: return "amount"
        case .card: return "card"
        case .text(let field, _): return field
        }
    }

    public var description: String {
        switch self {
        case .unknownShop(let id): return "no shop \(id) of this merchant"
        case .unknownPayment(let id): return "no till payment \(id) here"
        case .unknownForm(let id): return "no tax-free form \(id)"
        case .unknownCharge: return "no such charge: ask the store for its code again"
        case .shopCountry(let country): return "\(country) is not a country where the platform runs tills (it must be one of \(TaxFreeRules.countries.map(\.code).sorted().joined(separator: ", ")))"
        case .shopCurrency(let country, let currency): return "a shop in \(country) charges in \(currency.code): the merchant must settle in it"
        case .walletTooLow(let balance, let needed):
            return "the wallet holds \(balance.decimalText) CNY and the payment needs \(needed.decimalText) CNY: top it up first"
        case .amount(let problem): return problem
        case .card(let problem): return problem
        case .text(let field, let problem): return "\(field): \(problem)"
        case .refundTooLarge(let most): return "at most \(most.decimalText) \(most.currency.code) of this payment is left to refund"
        case .topUpNotSettled(let status):
            return "the top-up for this payment is \(status), not paid: nothing was paid at the store; the wallet is credited once the channel confirms"
        }
    }
}

enum TravelRecords {
    static func shop(_ row: Row) throws -> Shop {
        Shop(id: try row.text("id"), merchantID: try row.text("merchant_id"),
             name: LocalizedText(en: try row.text("name_en"), zh: try row.text("name_zh")), country: try row.text("country"),
             city: try row.text("city"), street: try row.text("street"), currency: try Currency(code: try row.text("currency")))
    }

    static let shopColumns = "s.id, s.merchant_id, s.name_en, s.name_zh, s.country, s.city, s.street, m.currency"

    static func shops(_ whereClause: String, _ bindings: [SQLValue], in store: any Store) async throws -> [Shop] {
        try await store.read(SQL("SELECT \(shopColumns) FROM shops s JOIN merchants m ON m.id = s.merchant_id WHERE \(whereClause) ORDER BY s.id",
                                 bindings)).map(shop)
    }

    static func payment(_ row: Row) throws -> TillPayment {
        let currency = try Currency(code: try row.text("currency"))
        func local(_ column: String) throws -> Money { Money(minorUnits: try row.integer(column), currency: currency) }
        func cny(_ column: String) throws -> Money { Money(minorUnits: try row.integer(column), currency: .CNY) }
        return TillPayment(
            id: try row.text("id"), shopID: try row.text("shop_id"), merchantID: try row.text("merchant_id"),
            consumerID: try row.text("consumer_id"), amount: try local("amount_minor"), cny: try cny("cny_minor"), rate: try row.text("rate"),
            rateSource: try row.text("rate_source"), commission: try local("commission_minor"), refunded: try local("refunded_minor"),
            refundedCNY: try cny("refunded_cny"), refundedCommission: try local("refunded_commission"), goods: try row.integer("goods") != 0,
            formID: try row.optionalText("form_id"), createdAt: Date(millisecondsSince1970: try row.integer("created_at")))
    }

    static func payments(_ whereClause: String, _ bindings: [SQLValue], in store: any Store) async throws -> [TillPayment] {
        try await store.read(SQL("SELECT * FROM till_payments WHERE \(whereClause) ORDER BY created_at, id", bindings)).map(payment)
    }

    static func forms(_ whereClause: String, _ bindings: [SQLValue], in store: any Store) async throws -> [TaxFreeFormView] {
        let rows = try await store.read(SQL("SELECT * FROM tax_free_forms WHERE \(whereClause) ORDER BY created_at DESC, id", bindings))
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.text("id") }
        var covered: [String: [String]] = [:]
        for row in try await store.read(SQL("SELECT id, form_id FROM till_payments WHERE form_id IN (\(SQL.placeholders(ids.count))) ORDER BY id",
                                             ids.map { $0.sqlValue })) {
            covered[try row.text("form_id"), default: []].append(try row.text("id"))
        }
        return try rows.map { row in
            let currency = try Currency(code: try row.text("currency"))
            func local(_ column: String) throws -> Money { Money(minorUnits: try row.integer(column), currency: currency) }
            guard let status = TaxFreeFormStatus(rawValue: try row.text("status")),
                  let refundStatus = TaxFreeRefundStatus(rawValue: try row.text("refund_status")) else {
                throw StoreError.decoding(column: "status", expected: "a tax-free form status")
            }
            let id = try row.text("id")
            return TaxFreeFormView(
                id: id, consumerID: try row.text("consumer_id"), shopID: try row.text("shop_id"), merchantID: try row.text("merchant_id"),
                country: try row.text("country"), purchaseDay: try row.text("purchase_day"), gross: try local("gross_minor"),
                vatRate: try row.text("vat_rate"), vat: try local("vat_minor"), fee: try local("fee_minor"), refund: try local("refund_minor"),
                refundCNY: try row.optionalInteger("refund_cny").map { Money(minorUnits: $0, currency: .CNY) },
                refundRate: try row.optionalText("refund_rate"), refundStatus: refundStatus, status: status,
                deadlineDay: try row.text("deadline_day"), deadline: Date(millisecondsSince1970: try row.integer("deadline_at")),
                validation: try row.text("validation"), createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
                closedAt: try row.optionalInteger("closed_at").map(Date.init(millisecondsSince1970:)),
                closeReason: try row.optionalText("close_reason"), paymentIDs: covered[id] ?? [])
        }
    }
}
