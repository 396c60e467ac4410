import Commerce
import Foundation
import Hummingbird
import Money
import Services
import Storage

/// The pages of money abroad: the traveller's wallet, payment code and a scanned charge; the
/// store's till, charge code and printable tax-free form; ops' forms by country. A refusal is
/// shown on the page it came from, in the reader's language, with what was typed kept.
struct TravelRoutes<Context: RequestContext> {
    let travel: TravelPlatform
    let rates: RateService
    let accounts: AccountService
    let keys: MerchantKeyService
    let store: any Store
    let configuration: WebConfiguration

    var pages: PageResponses { PageResponses(accounts: accounts, configuration: configuration) }

    func register(on router: Router<Context>) {
        router.get("/wallet") { request, _ in
            try await pages.signedInPage(request) { consumer, csrf, l in try await walletPage(consumer, csrf: csrf, error: nil, language: l) }
        }
        router.post("/wallet/top-ups") { request, _ in
            try await walletAction(request) { consumer, form in
                let amount = try TravelInput.amount(form["amount"] ?? "", .CNY)
                return try await travel.wallets.topUp(consumer, amount: amount, channel: form["channel"] ?? "bank",
                                                      key: try IdempotencyService.validate(key: form["key"]), at: Date()).changes
            }
        }
        router.post("/wallet/withdrawals") { request, _ in
            try await walletAction(request) { consumer, form in
                try await travel.wallets.withdraw(consumer, amount: try TravelInput.amount(form["amount"] ?? "", .CNY), card: form["card"] ?? "",
                                                  key: try IdempotencyService.validate(key: form["key"]), at: Date()).changes
            }
        }
        router.post("/wallet/forms/:id/instant-refund") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await walletAction(request) { consumer, _ in try await travel.taxFree.instantRefund(id, for: consumer, at: Date()).changes }
        }
        router.post("/wallet/code") { request, _ in
            _ = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let now = Date()
            let (changes, code, expiresAt) = travel.tills.issueCode(for: consumer, at: now)
            try await store.apply(changes)
            var response = Responses.html(TravelPages.paymentCode(code, expiresAt: expiresAt, now: now, language: LanguageChoice.language(of: request)))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("/pay/shop/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            return try await pages.signedInPage(request) { consumer, csrf, l in try await chargePage(token, consumer: consumer, csrf: csrf, error: nil, language: l) }
        }
        router.post("/pay/shop/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let l = LanguageChoice.language(of: request)
            do {
                let (changes, payment) = try await travel.payCharge(token: token, by: consumer, topUpFrom: form["topUpFrom"],
                                                                    key: try IdempotencyService.validate(key: form["key"]), at: Date())
                try await applyOnce(changes)
                guard let shop = try await travel.tills.shop(payment.shopID) else { throw TravelError.unknownShop(payment.shopID) }
                return Responses.html(TravelPages.receipt(payment, shop: shop, language: l))
            } catch let error where TravelRoutes.shownOnPage(error) {
                return Responses.html(try await chargePage(token, consumer: consumer, csrf: form["csrf"] ?? "", error: TravelWords.problem(error)(l),
                                                           language: l), status: .unprocessableContent)
            }
        }

        router.get("/merchant/till") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            return try await pages.pageAsync(request) { csrf, l in
                try await tillPage(merchant, shopID: try QueryParameter.given(request, "shop"), csrf: csrf, error: nil, language: l)
            }
        }
        router.post("/merchant/till/charges") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let form = try await pages.postedForm(request)
            let l = LanguageChoice.language(of: request)
            let shopID = form["shop"] ?? ""
            do {
                let shop = try await travel.tills.shop(shopID, ofMerchant: merchant.id)
                let amount = try TravelInput.amount(form["amount"] ?? "", shop.currency)
                let key = try IdempotencyService.validate(key: form["key"])
                if form["mode"] == "code" {
                    let (changes, payment) = try await travel.tills.payWithCode(
                        (form["paymentCode"] ?? "").filter { !$0.isWhitespace }, shop: shop, amount: amount, goods: form["goods"] == "1", key: key, at: Date())
                    try await applyOnce(changes)
                    return pages.redirect(to: "/merchant/till/payments/\(payment.id)")
                }
                let (changes, charge) = travel.tills.creatingCharge("ch-" + Secrets.token(), shop: shop, amount: amount, goods: form["goods"] == "1", at: Date())
                try await store.apply(changes)
                return Responses.html(TravelPages.chargeCode(charge, link: TravelInput.link(request, path: "/pay/shop/\(charge.token ?? "")"),
                                                             cnyNow: await cnyNow(charge.amount), language: l))
            } catch let error where TravelRoutes.shownOnPage(error) {
                return Responses.html(try await tillPage(merchant, shopID: shopID, csrf: form["csrf"] ?? "", error: TravelWords.problem(error)(l), language: l),
                                      status: .unprocessableContent)
            }
        }
        router.get("/merchant/till/charges/:id") { request, context in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            let shops = try await travel.tills.shops(ofMerchant: merchant.id).map(\.id)
            guard let charge = try await travel.tills.charge(id: context.parameters.get("id") ?? "", shopIDs: shops) else { throw Problem.notFound }
            return Responses.html(TravelPages.chargeCode(charge, link: nil, cnyNow: nil, language: LanguageChoice.language(of: request)))
        }
        router.get("/merchant/till/payments/:id") { request, context in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            guard let payment = try await travel.tills.payment(context.parameters.get("id") ?? ""), payment.merchantID == merchant.id,
                  let shop = try await travel.tills.shop(payment.shopID) else { throw Problem.notFound }
            return Responses.html(TravelPages.receipt(payment, shop: shop, forStore: true, language: LanguageChoice.language(of: request)))
        }
        router.post("/merchant/till/payments/:id/form") { request, context in
            try await tillAction(request, paymentID: context.parameters.get("id") ?? "") { merchant, payment, _ in
                try await travel.taxFree.issueForm(for: payment.id, merchantID: merchant.id, at: Date()).changes
            }
        }
        router.post("/merchant/till/payments/:id/refunds") { request, context in
            try await tillAction(request, paymentID: context.parameters.get("id") ?? "") { merchant, payment, form in
                try await travel.tills.refund(payment, merchantID: merchant.id, amount: try TravelInput.amount(form["amount"] ?? "", payment.amount.currency),
                                              key: try IdempotencyService.validate(key: form["key"]), at: Date()).changes
            }
        }
        router.get("/merchant/tax-free-forms/:id") { request, context in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            guard let form = try await travel.taxFree.form(context.parameters.get("id") ?? ""), form.merchantID == merchant.id else { throw Problem.notFound }
            let shop = try await travel.tills.shops(ofMerchant: merchant.id).first { $0.id == form.shopID }
            return Responses.html(TravelPages.printableForm(form, shop: shop, language: LanguageChoice.language(of: request)))
        }

        router.get("/ops/tax-free") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let country = try QueryParameter.given(request, "country")
            let status = try QueryParameter.choice(request, "status", of: TaxFreeFormStatus.self)
            return Responses.html(TravelPages.opsForms(try await travel.taxFree.forms(country: country, status: status),
                                                       receivables: try await travel.taxFree.receivables(), country: country, status: status,
                                                       language: LanguageChoice.language(of: request)))
        }
    }

    func cnyNow(_ amount: Money) async -> Money? { await TravelInput.cnyNow(amount, rates: rates) }

    /// Domain refusals are shown on the page, in the reader's language; anything else is the error page's.
    static func shownOnPage(_ error: any Error) -> Bool {
        error is TravelError || error is PaymentCode.Refusal || error is TaxFreeRefusal || error is TaxFreeRefundError
            || error is Problem || error is PaymentError || error is MoneyError
    }

    /// The same form sent twice is booked once: the second's conflict means the first is in.
    func applyOnce(_ changes: [Change]) async throws {
        do {
            try await store.apply(changes)
        } catch StoreError.conflict {
            return
        }
    }

    func walletPage(_ consumer: Consumer, csrf: String, error: String?, language l: Language) async throws -> String {
        let payments = try await travel.tills.payments(ofConsumer: consumer.id)
        let forms = try await travel.taxFree.forms(ofConsumer: consumer.id)
        let shops = Dictionary(uniqueKeysWithValues: try await travel.tills.shops(ids: Array(Set(payments.map(\.shopID) + forms.map(\.shopID))))
            .map { ($0.id, $0) })
        return TravelPages.wallet(try await travel.wallets.wallet(of: consumer.id), topUps: try await travel.wallets.topUps(of: consumer.id), forms: forms, payments: payments, shops: shops, csrf: csrf,
                                  key: Secrets.token(), error: error, now: Date(), language: l)
    }

    func walletAction(_ request: Request, _ work: (Consumer, [String: String]) async throws -> [Change]) async throws -> Response {
        let form = try await pages.postedForm(request)
        let consumer = try await pages.mustBeSignedIn(request)
        let l = LanguageChoice.language(of: request)
        do {
            try await applyOnce(try await work(consumer, form))
            return pages.redirect(to: "/wallet")
        } catch let error where TravelRoutes.shownOnPage(error) {
            return Responses.html(try await walletPage(consumer, csrf: form["csrf"] ?? "", error: TravelWords.problem(error)(l), language: l),
                                  status: .unprocessableContent)
        }
    }

    func chargePage(_ token: String, consumer: Consumer, csrf: String, error: String?, language l: Language) async throws -> String {
        let charge: ShopCharge
        do {
            charge = try await travel.tills.charge(token: token, for: consumer, at: Date())
        } catch let refusal where TravelRoutes.shownOnPage(refusal) {
            return Layout.page(title: TravelWords.chargeTitle(l), language: l, path: "/pay/shop/\(token)",
                               main: "<section class=\"panel\"><h1>\(escapeHTML(TravelWords.chargeTitle(l)))</h1>\(TravelPages.error(TravelWords.problem(refusal)(l)))<p><a href=\"/wallet\">\(escapeHTML(TravelWords.wallet(l)))</a></p></section>")
        }
        let rate = try? await rates.book().rate(from: charge.amount.currency, to: .CNY, at: Date())  // safe: no rate shows the amounts without CNY
        return TravelPages.charge(charge, cnyNow: await cnyNow(charge.amount), rate: rate?.rate.description,
                                  balance: try await travel.wallets.wallet(of: consumer.id).balance, token: token, csrf: csrf, key: Secrets.token(),
                                  error: error, language: l)
    }

    func tillPage(_ merchant: Merchant, shopID: String?, csrf: String, error: String?, language l: Language) async throws -> String {
        let shops = try await travel.tills.shops(ofMerchant: merchant.id)
        return TravelPages.till(merchant, shops: shops, selected: shops.first { $0.id == shopID }, payments: try await travel.tills.payments(ofMerchant: merchant.id),
                                forms: try await travel.taxFree.forms(ofMerchant: merchant.id), csrf: csrf, key: Secrets.token(), error: error, language: l)
    }

    func tillAction(_ request: Request, paymentID: String, _ work: (Merchant, TillPayment, [String: String]) async throws -> [Change]) async throws -> Response {
        let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
        let form = try await pages.postedForm(request)
        let l = LanguageChoice.language(of: request)
        guard let payment = try await travel.tills.payment(paymentID), payment.merchantID == merchant.id else { throw Problem.notFound }
        do {
            try await applyOnce(try await work(merchant, payment, form))
            return pages.redirect(to: "/merchant/till?shop=\(payment.shopID)")
        } catch let error where TravelRoutes.shownOnPage(error) {
            return Responses.html(try await tillPage(merchant, shopID: payment.shopID, csrf: form["csrf"] ?? "", error: TravelWords.problem(error)(l), language: l),
                                  status: .unprocessableContent)
        }
    }
}
