import Commerce
import Foundation
import Hummingbird
import Money
import Services
import Storage

/// Money abroad in JSON: the traveller's wallet, payment codes and charges, the store's till and
/// tax-free forms, and ops' view of forms with the validations relayed to them.
struct TravelAPI<Context: RequestContext> {
    let travel: TravelPlatform
    let rates: RateService
    let accounts: AccountService
    let keys: MerchantKeyService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct AmountInput: Decodable { let amount: String; let channel: String? }
    struct WithdrawalInput: Decodable { let amount: String; let card: String }
    struct ShopInput: Decodable { let id: String?; let name: String; let nameZh: String; let country: String; let city: String; let street: String }
    struct ChargeInput: Decodable { let amount: String; let goods: Bool? }
    struct CodePaymentInput: Decodable { let paymentCode: String; let amount: String; let goods: Bool? }
    struct RefundInput: Decodable { let amount: String }
    struct ChargePaymentInput: Decodable { let topUpFrom: String? }
    struct ValidationInput: Decodable { let eventId: String; let formId: String; let validated: Bool; let exportedAt: String }

    func register(on router: Router<Context>) {
        router.get("/api/v1/me/wallet") { request, _ in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            return try Responses.json(TravelDocuments.Wallet(try await travel.wallets.wallet(of: consumer.id),
                                                             topUps: try await travel.wallets.topUps(of: consumer.id)))
        }
        router.post("/api/v1/me/wallet/top-ups") { request, _ in
            try await asTraveller(request, status: 201) { consumer, key, body in
                let input = try RequestBody.json(AmountInput.self, from: body)
                let amount = try field("amount") { try Money(decimal: input.amount, currency: .CNY) }
                let (changes, topUp) = try await travel.wallets.topUp(consumer, amount: amount, channel: input.channel ?? "bank", key: key, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.TopUp(topUp)))
            }
        }
        router.post("/api/v1/me/wallet/withdrawals") { request, _ in
            try await asTraveller(request, status: 201) { consumer, key, body in
                let input = try RequestBody.json(WithdrawalInput.self, from: body)
                let (changes, withdrawal) = try await travel.wallets.withdraw(
                    consumer, amount: try TravelInput.amount(input.amount, .CNY), card: input.card, key: key, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.Withdrawal(withdrawal)))
            }
        }
        router.post("/api/v1/me/payment-codes") { request, _ in
            try await asTraveller(request, status: 201) { consumer, _, _ in
                let (changes, code, expiresAt) = travel.tills.issueCode(for: consumer, at: Date())
                return (changes, try Responses.jsonBytes(try TravelInput.codeDocument(code, expiresAt: expiresAt)))
            }
        }
        router.get("/api/v1/me/shop-charges/:token") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            let charge = try await travel.tills.charge(token: context.parameters.get("token") ?? "", for: consumer, at: Date())
            return try Responses.json(TravelDocuments.Charge(charge, cnyNow: await cnyNow(charge.amount), now: Date()))
        }
        router.post("/api/v1/me/shop-charges/:token/payment") { request, context in
            let token = context.parameters.get("token") ?? ""
            return try await asTraveller(request, status: 201) { consumer, key, body in
                let input = body.isEmpty ? ChargePaymentInput(topUpFrom: nil) : try RequestBody.json(ChargePaymentInput.self, from: body)
                let (changes, payment) = try await travel.payCharge(token: token, by: consumer, topUpFrom: input.topUpFrom, key: key, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.TillPaymentDocument(payment, forMerchant: false)))
            }
        }
        router.get("/api/v1/me/till-payments") { request, _ in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            return try Responses.json(["payments": try await travel.tills.payments(ofConsumer: consumer.id)
                .map { TravelDocuments.TillPaymentDocument($0, forMerchant: false) }])
        }
        router.get("/api/v1/me/tax-free-forms") { request, _ in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            return try Responses.json(TravelDocuments.Forms(forms: try await travel.taxFree.forms(ofConsumer: consumer.id).map(TravelDocuments.Form.init),
                                                            receivables: nil))
        }
        router.post("/api/v1/me/tax-free-forms/:id/instant-refund") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await asTraveller(request, status: 200) { consumer, _, _ in
                let (changes, form) = try await travel.taxFree.instantRefund(id, for: consumer, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.Form(form)))
            }
        }

        router.get("/api/v1/merchant/shops") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try Responses.json(["shops": try await travel.tills.shops(ofMerchant: merchant.id).map(TravelDocuments.ShopDocument.init)])
        }
        router.post("/api/v1/merchant/shops") { request, _ in
            try await asMerchant(request, status: 201) { merchant, key, body in
                let input = try RequestBody.json(ShopInput.self, from: body)
                let id = try input.id.map { id in
                    try CatalogRules.identifier(id, field: "id")
                    return id
                } ?? "shop-" + Secrets.digest(Array("\(merchant.id) \(key)".utf8)).prefix(12)
                let (changes, shop) = try travel.tills.openingShop(
                    id, merchant: merchant, name: LocalizedText(en: input.name, zh: input.nameZh), country: input.country, city: input.city,
                    street: input.street, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.ShopDocument(shop)))
            }
        }
        router.post("/api/v1/merchant/shops/:shop/charges") { request, context in
            let shopID = context.parameters.get("shop") ?? ""
            return try await asMerchant(request, status: 201) { merchant, key, body in
                let shop = try await travel.tills.shop(shopID, ofMerchant: merchant.id)
                let input = try RequestBody.json(ChargeInput.self, from: body)
                let now = Date()
                let id = "ch-" + Secrets.digest(Array("\(shop.id) \(key)".utf8)).prefix(20)
                let (changes, charge) = travel.tills.creatingCharge(id, shop: shop, amount: try TravelInput.amount(input.amount, shop.currency),
                                                                    goods: input.goods ?? true, at: now)
                let link = TravelInput.link(request, path: "/pay/shop/\(charge.token ?? "")")
                return (changes, try Responses.jsonBytes(TravelDocuments.Charge(charge, cnyNow: await cnyNow(charge.amount), now: now, link: link)))
            }
        }
        router.get("/api/v1/merchant/shops/:shop/charges/:id") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let shop = try await travel.tills.shop(context.parameters.get("shop") ?? "", ofMerchant: merchant.id)
            guard let charge = try await travel.tills.charge(id: context.parameters.get("id") ?? "", shopIDs: [shop.id]) else { throw Problem.notFound }
            return try Responses.json(TravelDocuments.Charge(charge, cnyNow: nil, now: Date()))
        }
        router.post("/api/v1/merchant/shops/:shop/payments") { request, context in
            let shopID = context.parameters.get("shop") ?? ""
            return try await asMerchant(request, status: 201) { merchant, key, body in
                let shop = try await travel.tills.shop(shopID, ofMerchant: merchant.id)
                let input = try RequestBody.json(CodePaymentInput.self, from: body)
                let (changes, payment) = try await travel.tills.payWithCode(
                    input.paymentCode, shop: shop, amount: try TravelInput.amount(input.amount, shop.currency), goods: input.goods ?? true,
                    key: key, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.TillPaymentDocument(payment, forMerchant: true)))
            }
        }
        router.get("/api/v1/merchant/till-payments") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try Responses.json(["payments": try await travel.tills.payments(ofMerchant: merchant.id)
                .map { TravelDocuments.TillPaymentDocument($0, forMerchant: true) }])
        }
        router.post("/api/v1/merchant/till-payments/:id/refunds") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await asMerchant(request, status: 201) { merchant, key, body in
                let input = try RequestBody.json(RefundInput.self, from: body)
                guard let payment = try await travel.tills.payment(id), payment.merchantID == merchant.id else { throw TravelError.unknownPayment(id) }
                let (changes, after) = try await travel.tills.refund(payment, merchantID: merchant.id,
                                                                     amount: try TravelInput.amount(input.amount, payment.amount.currency),
                                                                     key: key, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.TillPaymentDocument(after, forMerchant: true)))
            }
        }
        router.post("/api/v1/merchant/till-payments/:id/tax-free-form") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await asMerchant(request, status: 201) { merchant, _, _ in
                let (changes, form) = try await travel.taxFree.issueForm(for: id, merchantID: merchant.id, at: Date())
                return (changes, try Responses.jsonBytes(TravelDocuments.Form(form)))
            }
        }
        router.get("/api/v1/merchant/tax-free-forms/:id") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            guard let form = try await travel.taxFree.form(context.parameters.get("id") ?? ""), form.merchantID == merchant.id else {
                throw Problem.notFound
            }
            return try Responses.json(TravelDocuments.Form(form))
        }

        router.get("/api/v1/ops/tax-free-forms") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            let country = try QueryParameter.given(request, "country")
            let status = try QueryParameter.choice(request, "status", of: TaxFreeFormStatus.self)
            return try Responses.json(TravelDocuments.Forms(
                forms: try await travel.taxFree.forms(country: country, status: status).map(TravelDocuments.Form.init),
                receivables: try await travel.taxFree.receivables().map { TravelDocuments.Amount($0) }))
        }
        router.post("/api/v1/ops/tax-free/validations") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(ValidationInput.self, from: body)
                guard let exportedAt = try? Date(input.exportedAt, strategy: .iso8601) else {
                    throw Problem.validation("exportedAt: an ISO 8601 time such as 2026-12-01T10:00:00Z", field: "exportedAt")
                }
                guard (1...200).contains(input.eventId.count) else { throw Problem.validation("eventId: 1 to 200 characters", field: "eventId") }
                let applied = try await travel.taxFree.receive(
                    ExportValidationResult(eventID: input.eventId, formID: input.formId, validated: input.validated, exportedAt: exportedAt), at: Date())
                return ([], try Responses.jsonBytes(["applied": applied]))
            }
        }
    }

    func cnyNow(_ amount: Money) async -> Money? { await TravelInput.cnyNow(amount, rates: rates) }

    func asTraveller(_ request: Request, status: Int, _ work: @escaping (Consumer, String, [UInt8]) async throws -> (changes: [Change], document: [UInt8]))
        async throws -> Response {
        let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
        let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
        return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes, status: status) {
            try await work(consumer, key, $0)
        }
    }

    func asMerchant(_ request: Request, status: Int, _ work: @escaping (Merchant, String, [UInt8]) async throws -> (changes: [Change], document: [UInt8]))
        async throws -> Response {
        let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
        let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
        return try await idempotency.respond(to: request, principal: "merchant:\(merchant.id)", limit: configuration.maxBodyBytes, status: status) {
            try await work(merchant, key, $0)
        }
    }
}

/// What the travellers' API and pages read the same way.
enum TravelInput {
    /// What `amount` costs in CNY at the rate of the moment; nil when no rate is in force (the
    /// store's amount is then shown alone).
    static func cnyNow(_ amount: Money, rates: RateService) async -> Money? {
        try? await rates.book().convert(amount, to: .CNY, at: Date()).converted  // safe: no rate only hides the estimate
    }

    static func amount(_ text: String, _ currency: Currency) throws -> Money {
        let amount = try field("amount") { try Money(decimal: text, currency: currency) }
        guard amount.minorUnits > 0 else { throw Problem.validation("amount: must be more than zero", field: "amount") }
        return amount
    }

    static func codeDocument(_ code: String, expiresAt: Date) throws -> TravelDocuments.Code {
        TravelDocuments.Code(code: code, expiresAt: expiresAt.ISO8601Format(), errorCorrection: QRCode.errorCorrectionLevel,
                             svg: try QRCode.encode(code).svg(label: "payment code"))
    }

    /// The absolute link a code carries, on the host the request came to.
    static func link(_ request: Request, path: String) -> String {
        guard let authority = request.head.authority else { return path }
        return "http://\(authority)\(path)"
    }
}
