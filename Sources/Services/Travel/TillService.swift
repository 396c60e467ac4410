import Commerce
import Foundation
import Ledger
import Money
import Storage

/// A store's charge shown on its till for the traveller to scan.
public struct ShopCharge: Sendable, Equatable {
    public let id: String
    /// The secret the code carries; only its hash is kept.
    public let token: String?
    public let shop: Shop
    public let amount: Money
    public let goods: Bool
    public let expiresAt: Date
    public let claimedBy: String?
    public let usedAt: Date?
    public let paymentID: String?
}

/// Paying at a merchant's till abroad. Either the store shows a charge code that the traveller
/// scans and pays, or the store scans the traveller's payment code; both end in one payment:
/// the amount in the store's currency converted at the rate of the moment, debited from the
/// wallet, credited to the merchant in its own currency less commission, in one transaction
/// with the code marked used.
public struct TillService: Sendable {
    let store: any Store
    let rates: RateService

    public init(store: any Store, rates: RateService) {
        self.store = store
        self.rates = rates
    }

    // MARK: shops

    public func shops(ofMerchant merchantID: String) async throws -> [Shop] {
        try await TravelRecords.shops("s.merchant_id = ?", [merchantID.sqlValue], in: store)
    }

    /// Any merchant's shop, as a traveller's receipt and wallet name it.
    public func shop(_ id: String) async throws -> Shop? {
        try await shops(ids: [id]).first
    }

    public func shops(ids: [String]) async throws -> [Shop] {
        guard !ids.isEmpty else { return [] }
        return try await TravelRecords.shops("s.id IN (\(SQL.placeholders(ids.count)))", ids.map { $0.sqlValue }, in: store)
    }

    public func shop(_ id: String, ofMerchant merchantID: String) async throws -> Shop {
        guard let shop = try await TravelRecords.shops("s.id = ? AND s.merchant_id = ?", [id.sqlValue, merchantID.sqlValue], in: store).first
        else { throw TravelError.unknownShop(id) }
        return shop
    }

    /// A new shop: in one of the countries the platform pays VAT refunds in, and charging in the
    /// country's currency, which must be the merchant's.
    public func openingShop(_ id: String, merchant: Merchant, name: LocalizedText, country: String, city: String, street: String,
                            at now: Date) throws -> (changes: [Change], shop: Shop) {
        guard let rules = TaxFreeRules.country(country) else { throw TravelError.shopCountry(country) }
        guard rules.currency == merchant.currency else { throw TravelError.shopCurrency(country: country, currency: rules.currency) }
        for (field, value) in [("name", name.en), ("nameZh", name.zh), ("city", city), ("street", street)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty || value.count > 200 {
            throw TravelError.text(field: field, "1 to 200 characters")
        }
        let shop = Shop(id: id, merchantID: merchant.id, name: name, country: country, city: city, street: street, currency: merchant.currency)
        return ([.guarded(SQL(
            """
            INSERT INTO shops (id, merchant_id, name_en, name_zh, country, city, street, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, bind: id, merchant.id, name.en, name.zh, country, city, street, now.millisecondsSince1970),
            conflict: "shop \(id) exists")], shop)
    }

    // MARK: codes

    /// A fresh payment code for the traveller to show; only its hash is kept.
    public func issueCode(for consumer: Consumer, at now: Date) -> (changes: [Change], code: String, expiresAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let code = PaymentCode.travellerCode(randomDigits: (0..<16).map { _ in UInt8.random(in: 0...9, using: &generator) })
        // Kept to the millisecond the database holds, so that the code expires when it says.
        let expiresAt = Date(millisecondsSince1970: (now + PaymentCode.travellerCodeLifetime).millisecondsSince1970)
        return ([.write(SQL("INSERT INTO payment_codes (code_hash, consumer_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                            bind: Secrets.digest(Array(code.utf8)), consumer.id, now.millisecondsSince1970, expiresAt.millisecondsSince1970))],
                code, expiresAt)
    }

    /// A charge for the store's till to show as a code.
    public func creatingCharge(_ id: String, shop: Shop, amount: Money, goods: Bool, at now: Date) -> (changes: [Change], charge: ShopCharge) {
        let token = Secrets.token(prefix: "c_")
        let expiresAt = Date(millisecondsSince1970: (now + PaymentCode.chargeLifetime).millisecondsSince1970)
        let charge = ShopCharge(id: id, token: token, shop: shop, amount: amount, goods: goods, expiresAt: expiresAt,
                                claimedBy: nil, usedAt: nil, paymentID: nil)
        return ([.guarded(SQL(
            """
            INSERT INTO shop_charges (id, token_hash, shop_id, amount_minor, currency, goods, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id
            """, bind: id, Secrets.digest(Array(token.utf8)), shop.id, amount.minorUnits, amount.currency.code, goods,
            now.millisecondsSince1970, charge.expiresAt.millisecondsSince1970), conflict: "charge \(id) exists")], charge)
    }

    /// The charge a code names, as the traveller sees it before paying. The first traveller to
    /// open it claims it; it is refused to anyone else.
    public func charge(token: String, for consumer: Consumer, at now: Date) async throws -> ShopCharge {
        guard let charge = try await charge(tokenHash: Secrets.digest(Array(token.utf8))) else { throw TravelError.unknownCharge }
        try PaymentCode.check(owner: charge.claimedBy, expiresAt: charge.expiresAt, usedAt: charge.usedAt, by: consumer.id, at: now)
        if charge.claimedBy == nil {
            try await store.apply([.write(SQL("UPDATE shop_charges SET claimed_by = ? WHERE id = ? AND claimed_by IS NULL", bind: consumer.id, charge.id))])
        }
        return charge
    }

    public func charge(id: String, shopIDs: [String]) async throws -> ShopCharge? {
        guard let charge = try await charges("c.id = ?", [id.sqlValue]).first, shopIDs.contains(charge.shop.id) else { return nil }
        return charge
    }

    func charge(tokenHash: String) async throws -> ShopCharge? {
        try await charges("c.token_hash = ?", [tokenHash.sqlValue]).first
    }

    func charges(_ whereClause: String, _ bindings: [SQLValue]) async throws -> [ShopCharge] {
        let rows = try await store.read(SQL(
            """
            SELECT c.id AS charge_id, c.amount_minor, c.goods, c.expires_at, c.claimed_by, c.used_at, c.payment_id, \(TravelRecords.shopColumns)
            FROM shop_charges c JOIN shops s ON s.id = c.shop_id JOIN merchants m ON m.id = s.merchant_id WHERE \(whereClause)
            """, bindings))
        return try rows.map { row in
            let shop = try TravelRecords.shop(row)
            return ShopCharge(id: try row.text("charge_id"), token: nil, shop: shop,
                              amount: Money(minorUnits: try row.integer("amount_minor"), currency: shop.currency), goods: try row.integer("goods") != 0,
                              expiresAt: Date(millisecondsSince1970: try row.integer("expires_at")), claimedBy: try row.optionalText("claimed_by"),
                              usedAt: try row.optionalInteger("used_at").map(Date.init(millisecondsSince1970:)),
                              paymentID: try row.optionalText("payment_id"))
        }
    }

    // MARK: paying

    public static func paymentID(principal: String, key: String) -> String {
        "tp-" + Secrets.digest(Array("\(principal) till \(key)".utf8)).prefix(24)
    }

    /// The traveller pays a charge they scanned.
    public func payCharge(token: String, by consumer: Consumer, key: String, at now: Date) async throws -> (changes: [Change], payment: TillPayment) {
        guard let charge = try await charge(tokenHash: Secrets.digest(Array(token.utf8))) else { throw TravelError.unknownCharge }
        let id = Self.paymentID(principal: "consumer:\(consumer.id)", key: key)
        if let paid = try await payment(id), charge.paymentID == id { return ([], paid) }
        try PaymentCode.check(owner: charge.claimedBy, expiresAt: charge.expiresAt, usedAt: charge.usedAt, by: consumer.id, at: now)
        let using = Change.guarded(SQL(
            """
            UPDATE shop_charges SET used_at = ?, payment_id = ?, claimed_by = ?
            WHERE id = ? AND used_at IS NULL AND expires_at > ? AND (claimed_by IS NULL OR claimed_by = ?) RETURNING id
            """, bind: now.millisecondsSince1970, id, consumer.id, charge.id, now.millisecondsSince1970, consumer.id),
            conflict: PaymentCode.Refusal.used.description)
        return try await paying(id, shop: charge.shop, consumerID: consumer.id, amount: charge.amount, goods: charge.goods, using: using, at: now)
    }

    /// The store scans the traveller's payment code and charges `amount`.
    public func payWithCode(_ code: String, shop: Shop, amount: Money, goods: Bool, key: String, at now: Date) async throws
        -> (changes: [Change], payment: TillPayment) {
        guard PaymentCode.isTravellerCode(code) else { throw PaymentCode.Refusal.malformed }
        let hash = Secrets.digest(Array(code.utf8))
        guard let row = try await store.read(SQL("SELECT * FROM payment_codes WHERE code_hash = ?", bind: hash)).first else {
            throw PaymentCode.Refusal.unknown
        }
        let id = Self.paymentID(principal: "shop:\(shop.id)", key: key)
        if let paid = try await payment(id), try row.optionalText("payment_id") == id { return ([], paid) }
        let consumerID = try row.text("consumer_id")
        try PaymentCode.check(owner: nil, expiresAt: Date(millisecondsSince1970: try row.integer("expires_at")),
                              usedAt: try row.optionalInteger("used_at").map(Date.init(millisecondsSince1970:)), by: consumerID, at: now)
        let using = Change.guarded(SQL(
            "UPDATE payment_codes SET used_at = ?, payment_id = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING code_hash",
            bind: now.millisecondsSince1970, id, hash, now.millisecondsSince1970), conflict: PaymentCode.Refusal.used.description)
        return try await paying(id, shop: shop, consumerID: consumerID, amount: amount, goods: goods, using: using, at: now)
    }

    /// The one payment both ways end in.
    func paying(_ id: String, shop: Shop, consumerID: String, amount: Money, goods: Bool, using code: Change, at now: Date) async throws
        -> (changes: [Change], payment: TillPayment) {
        guard amount.currency == shop.currency else { throw TravelError.amount("amount: this till charges in \(shop.currency.code)") }
        let rate = try await rates.book().rate(from: shop.currency, to: .CNY, at: now)
        let cny = try rate.convert(amount).converted
        let basisPoints = try await store.read(SQL("SELECT commission_bps FROM merchant_payout_accounts WHERE merchant_id = ?",
                                                   bind: shop.merchantID)).first.map { try $0.integer("commission_bps") } ?? 0
        let commission = try EscrowRelease.commission(on: amount, basisPoints: basisPoints)
        let balance = try await WalletService.wallet(of: consumerID, in: store).balance
        guard balance.minorUnits >= cny.minorUnits else { throw TravelError.walletTooLow(balance: balance, needed: cny) }
        try await LedgerService(store: store).open(WalletBooking.accounts(consumerID: consumerID, channel: nil, currency: shop.currency,
                                                                          merchantID: shop.merchantID), at: now)
        var changes = [code]
        changes += try await LedgerService.booking(
            WalletBooking.tillPayment(id, consumerID: consumerID, cny: cny, local: amount, merchantID: shop.merchantID, commission: commission),
            in: store, at: now)
        changes.append(.write(SQL(
            """
            INSERT INTO till_payments (id, shop_id, merchant_id, consumer_id, amount_minor, currency, cny_minor, rate, rate_source,
                commission_minor, goods, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, bind: id, shop.id, shop.merchantID, consumerID, amount.minorUnits, amount.currency.code, cny.minorUnits, rate.rate.description,
            rate.source, commission.minorUnits, goods, now.millisecondsSince1970)))
        let payment = TillPayment(
            id: id, shopID: shop.id, merchantID: shop.merchantID, consumerID: consumerID, amount: amount, cny: cny, rate: rate.rate.description,
            rateSource: rate.source, commission: commission, refunded: .zero(amount.currency), refundedCNY: .zero(.CNY),
            refundedCommission: .zero(amount.currency), goods: goods, formID: nil, createdAt: now)
        return (changes, payment)
    }

    // MARK: refunds at the till

    /// The store refunds `amount` of a payment: back into the traveller's wallet in CNY, in
    /// proportion to what was paid. A payment on a tax-free form cannot be refunded at the till
    /// (the form would overstate the goods exported).
    /// `payment` as the caller read it: a refund booked meanwhile makes this one conflict.
    public func refund(_ payment: TillPayment, merchantID: String, amount: Money, key: String, at now: Date) async throws
        -> (changes: [Change], payment: TillPayment) {
        let paymentID = payment.id
        guard payment.merchantID == merchantID else { throw TravelError.unknownPayment(paymentID) }
        guard amount.currency == payment.amount.currency, amount.minorUnits > 0 else {
            throw TravelError.amount("amount: a positive amount in \(payment.amount.currency.code)")
        }
        if let form = payment.formID { throw TaxFreeRefusal.alreadyOnForm(paymentID: paymentID, formID: form) }
        guard amount.minorUnits <= payment.kept.minorUnits else { throw TravelError.refundTooLarge(most: payment.kept) }
        let id = "tr-" + Secrets.digest(Array("\(merchantID) till-refund \(key)".utf8)).prefix(24)
        let cny = try WalletBooking.share(of: payment.cny, refundedBefore: payment.refunded, refunding: amount, whole: payment.amount)
        let commission = try WalletBooking.share(of: payment.commission, refundedBefore: payment.refunded, refunding: amount, whole: payment.amount)
        var changes = try await LedgerService.booking(
            try WalletBooking.tillRefund(id, consumerID: payment.consumerID, cny: cny, local: amount, merchantID: merchantID, commission: commission),
            in: store, at: now)
        changes.append(.guarded(SQL(
            """
            UPDATE till_payments SET refunded_minor = refunded_minor + ?, refunded_cny = refunded_cny + ?, refunded_commission = refunded_commission + ?
            WHERE id = ? AND refunded_minor = ? AND form_id IS NULL RETURNING id
            """, bind: amount.minorUnits, cny.minorUnits, commission.minorUnits, paymentID, payment.refunded.minorUnits),
            conflict: "payment \(paymentID) changed meanwhile"))
        changes.append(.write(SQL(
            "INSERT INTO till_refunds (id, payment_id, amount_minor, cny_minor, commission_minor, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            bind: id, paymentID, amount.minorUnits, cny.minorUnits, commission.minorUnits, now.millisecondsSince1970)))
        let after = TillPayment(
            id: payment.id, shopID: payment.shopID, merchantID: payment.merchantID, consumerID: payment.consumerID, amount: payment.amount,
            cny: payment.cny, rate: payment.rate, rateSource: payment.rateSource, commission: payment.commission,
            refunded: try payment.refunded.adding(amount), refundedCNY: try payment.refundedCNY.adding(cny),
            refundedCommission: try payment.refundedCommission.adding(commission), goods: payment.goods, formID: nil, createdAt: payment.createdAt)
        return (changes, after)
    }

    // MARK: reading

    public func payment(_ id: String) async throws -> TillPayment? {
        try await TravelRecords.payments("id = ?", [id.sqlValue], in: store).first
    }

    public func payments(ofConsumer consumerID: String) async throws -> [TillPayment] {
        try await TravelRecords.payments("consumer_id = ?", [consumerID.sqlValue], in: store).reversed()
    }

    public func payments(ofMerchant merchantID: String) async throws -> [TillPayment] {
        try await TravelRecords.payments("merchant_id = ?", [merchantID.sqlValue], in: store).reversed()
    }
}
