import Commerce
import Foundation
import Money
import Services

/// Money abroad in JSON: the wallet, codes, charges, till payments and tax-free forms.
enum TravelDocuments {
    typealias Amount = ProductDocument.Amount

    struct Wallet: Codable {
        struct Movement: Codable { let id: String; let code: String; let amount: Amount; let at: String }
        let balance: Amount
        let debt: Amount
        let movements: [Movement]
        let topUps: [TopUp]

        init(_ wallet: WalletView, topUps: [TopUpView]) {
            balance = .init(wallet.balance)
            debt = .init(wallet.debt)
            movements = wallet.movements.map { Movement(id: $0.id, code: $0.code, amount: .init($0.amount), at: $0.at.ISO8601Format()) }
            self.topUps = topUps.map(TopUp.init)
        }
    }

    struct TopUp: Codable {
        let id: String
        let channel: String
        let amount: Amount
        let status: String
        let failure: String?
        let createdAt: String

        init(_ topUp: TopUpView) {
            id = topUp.id
            channel = topUp.channel
            amount = .init(topUp.amount)
            status = topUp.status.rawValue
            failure = topUp.failure
            createdAt = topUp.createdAt.ISO8601Format()
        }
    }

    struct Withdrawal: Codable {
        let id: String
        let amount: Amount
        let card: String
        let createdAt: String

        init(_ withdrawal: WithdrawalView) {
            id = withdrawal.id
            amount = .init(withdrawal.amount)
            card = withdrawal.cardMasked
            createdAt = withdrawal.createdAt.ISO8601Format()
        }
    }

    struct Code: Codable {
        let code: String
        let expiresAt: String
        let errorCorrection: String
        let svg: String
    }

    struct ShopDocument: Codable {
        let id: String
        let name: String
        let nameZh: String
        let country: String
        let city: String
        let street: String
        let currency: String

        init(_ shop: Shop) {
            id = shop.id
            name = shop.name.en
            nameZh = shop.name.zh
            country = shop.country
            city = shop.city
            street = shop.street
            currency = shop.currency.code
        }
    }

    struct Charge: Codable {
        let id: String
        let shop: ShopDocument
        let amount: Amount
        /// What the traveller would pay now, at the rate of the moment.
        let cnyNow: Amount?
        let goods: Bool
        let status: String
        let expiresAt: String
        let paymentId: String?
        /// Only when the charge is created: the link the code carries, and the code.
        let url: String?
        let svg: String?

        init(_ charge: ShopCharge, cnyNow: Money?, now: Date, link: String? = nil) {
            id = charge.id
            shop = ShopDocument(charge.shop)
            amount = .init(charge.amount)
            self.cnyNow = cnyNow.map(Amount.init)
            goods = charge.goods
            status = charge.usedAt != nil ? "paid" : now >= charge.expiresAt ? "expired" : charge.claimedBy != nil ? "claimed" : "open"
            expiresAt = charge.expiresAt.ISO8601Format()
            paymentId = charge.paymentID
            url = link
            svg = link.flatMap { try? QRCode.encode($0).svg(label: "charge \(charge.id)") }
        }
    }

    struct TillPaymentDocument: Codable {
        let id: String
        let shopId: String
        let amount: Amount
        let cny: Amount
        let rate: String
        let rateSource: String
        /// The merchant's view only.
        let commission: Amount?
        let refunded: Amount
        let refundedCny: Amount
        let goods: Bool
        let formId: String?
        let createdAt: String

        init(_ payment: TillPayment, forMerchant: Bool) {
            id = payment.id
            shopId = payment.shopID
            amount = .init(payment.amount)
            cny = .init(payment.cny)
            rate = payment.rate
            rateSource = payment.rateSource
            commission = forMerchant ? .init(payment.commission) : nil
            refunded = .init(payment.refunded)
            refundedCny = .init(payment.refundedCNY)
            goods = payment.goods
            formId = payment.formID
            createdAt = payment.createdAt.ISO8601Format()
        }
    }

    struct Form: Codable {
        let id: String
        let country: String
        let shopId: String
        let purchaseDay: String
        let paymentIds: [String]
        let gross: Amount
        let vatRate: String
        let vat: Amount
        let fee: Amount
        let refund: Amount
        let refundCny: Amount?
        let refundRate: String?
        let refundStatus: String
        let status: String
        let deadlineDay: String
        let deadline: String
        let validation: String
        let createdAt: String
        let closedAt: String?
        let closeReason: String?

        init(_ form: TaxFreeFormView) {
            id = form.id
            country = form.country
            shopId = form.shopID
            purchaseDay = form.purchaseDay
            paymentIds = form.paymentIDs
            gross = .init(form.gross)
            vatRate = form.vatRate
            vat = .init(form.vat)
            fee = .init(form.fee)
            refund = .init(form.refund)
            refundCny = form.refundCNY.map(Amount.init)
            refundRate = form.refundRate
            refundStatus = form.refundStatus.rawValue
            status = form.status.rawValue
            deadlineDay = form.deadlineDay
            deadline = form.deadline.ISO8601Format()
            validation = form.validation
            createdAt = form.createdAt.ISO8601Format()
            closedAt = form.closedAt?.ISO8601Format()
            closeReason = form.closeReason
        }
    }

    struct Forms: Codable {
        let forms: [Form]
        let receivables: [Amount]?
    }
}
