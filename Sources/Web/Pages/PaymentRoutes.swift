import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Ledger
import Money
import Services
import Storage

/// The pages that move or show money: the buyer pays and confirms delivery, the merchant
/// reads its settlement, ops explore the ledger and reconcile statements. Merchant and ops
/// pages sign in with the API key or the ops token, kept in an HttpOnly cookie.
struct PaymentRoutes<Context: RequestContext> {
    let platform: PaymentPlatform
    let accounts: AccountService
    let orders: OrderService
    let catalog: CatalogService
    let keys: MerchantKeyService
    let store: any Store
    let configuration: WebConfiguration

    var pages: PageResponses { PageResponses(accounts: accounts, configuration: configuration) }

    func register(on router: Router<Context>) {
        router.get("/orders/group/:group/pay") { request, context in
            let group = context.parameters.get("group") ?? ""
            return try await pages.signedInPage(request) { consumer, csrf, l in
                // A cancelled order has left its group; the rest are paid without it.
                let placed = try await orders.orders(of: consumer).filter { $0.groupID == group && $0.status != .cancelled }
                guard !placed.isEmpty else { throw Problem.notFound }
                return try PaymentPages.payPage(groupID: group, orders: placed, payments: try await platform.payments.payments(ofGroup: group),
                                            key: Secrets.token(), csrf: csrf, language: l)
            }
        }
        router.post("/orders/group/:group/pay") { request, context in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let group = context.parameters.get("group") ?? ""
            let key = try IdempotencyService.validate(key: form["key"])
            let (changes, _) = try await platform.payments.pay(groupID: group, consumer: consumer, preferred: form["channel"],
                                                               payerIDNumber: nil, key: key, at: Date())
            do {
                try await store.apply(changes)
            } catch StoreError.conflict {
                // The same form sent twice: the first submission booked it.
            }
            return pages.redirect(to: "/orders/group/\(group)/pay")
        }
        router.post("/orders/:id/confirm-delivery") { request, context in
            _ = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let id = context.parameters.get("id") ?? ""
            _ = try await platform.releases.confirmDelivery(id, by: consumer, at: Date())
            return pages.redirect(to: "/orders/\(id)")
        }

        router.get("/merchant/signin") { request, _ in
            pages.page(request) { csrf, l in
                PaymentPages.keySignIn(action: "/merchant/signin", title: LocalizedText(en: "Merchant sign-in", zh: "商家登录")(l),
                                       field: LocalizedText(en: "API key", zh: "API 密钥")(l), csrf: csrf, error: nil, language: l)
            }
        }
        router.post("/merchant/signin") { request, _ in
            let form = try await pages.postedForm(request)
            let key = form["key"] ?? ""
            guard let (merchant, keyID) = try await keys.merchantAndKeyID(forKey: key) else {
                let l = LanguageChoice.language(of: request)
                return Responses.html(PaymentPages.keySignIn(
                    action: "/merchant/signin", title: LocalizedText(en: "Merchant sign-in", zh: "商家登录")(l),
                    field: LocalizedText(en: "API key", zh: "API 密钥")(l), csrf: form["csrf"] ?? "",
                    error: LocalizedText(en: "That key is not valid.", zh: "密钥无效。")(l), language: l), status: .unauthorized)
            }
            let session = try await consoles.open(for: .merchant(id: merchant.id, keyID: keyID), at: Date())
            return pages.redirect(to: "/merchant/settlement", setting: consoleCookie(MerchantAuthorization.cookie, session))
        }
        // Signing out needs no form token (every console page's header carries the button);
        // a cross-site post is refused by its Origin (`BrowserGuard`).
        router.post("/merchant/signout") { request, _ in
            return try await signOut(request, cookie: MerchantAuthorization.cookie, to: "/merchant/signin")
        }
        router.get("/merchant/settlement") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            let statement = MerchantStatement(store: store)
            return Responses.html(PaymentPages.settlement(
                merchant, pending: try await statement.pendingInEscrow(of: merchant.id), balances: try await statement.balances(of: merchant.id),
                payouts: try await platform.payouts.payouts(of: merchant.id), entries: try await statement.entries(of: merchant.id),
                language: LanguageChoice.language(of: request)))
        }
        router.get("/merchant/settlement/statement.csv") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            var response = Responses.text(try await MerchantStatement(store: store).csv(of: merchant.id), contentType: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"statement-\(merchant.id).csv\""
            return response
        }

        router.get("/bank/signin") { request, _ in
            pages.page(request) { csrf, l in
                PaymentPages.keySignIn(action: "/bank/signin", title: BankWords.signIn(l), field: BankWords.key(l), csrf: csrf, error: nil, language: l)
            }
        }
        router.post("/bank/signin") { request, _ in
            let form = try await pages.postedForm(request)
            guard let (bank, keyID) = try await PartnerBankService(store: store).bankAndKeyID(forKey: form["key"] ?? "") else {
                let l = LanguageChoice.language(of: request)
                return Responses.html(PaymentPages.keySignIn(action: "/bank/signin", title: BankWords.signIn(l), field: BankWords.key(l),
                                                             csrf: form["csrf"] ?? "", error: BankWords.badKey(l), language: l), status: .unauthorized)
            }
            let session = try await consoles.open(for: .bank(id: bank.id, keyID: keyID), at: Date())
            return pages.redirect(to: "/bank", setting: consoleCookie(BankAuthorization.cookie, session))
        }
        router.post("/bank/signout") { request, _ in
            return try await signOut(request, cookie: BankAuthorization.cookie, to: "/bank/signin")
        }
        router.get("/ops/signin") { request, _ in
            pages.page(request) { csrf, l in
                PaymentPages.keySignIn(action: "/ops/signin", title: LocalizedText(en: "Operations sign-in", zh: "运营登录")(l),
                                       field: LocalizedText(en: "Ops token", zh: "运营令牌")(l), csrf: csrf, error: nil, language: l)
            }
        }
        router.post("/ops/signin") { request, _ in
            let form = try await pages.postedForm(request)
            guard Secrets.same(form["key"] ?? "", configuration.opsToken) else { throw Problem.unauthorized("the ops token is not valid") }
            let session = try await consoles.open(for: .ops, at: Date())
            return pages.redirect(to: "/ops/ledger", setting: consoleCookie(OpsAuthorization.cookie, session))
        }
        router.post("/ops/signout") { request, _ in
            return try await signOut(request, cookie: OpsAuthorization.cookie, to: "/ops/signin")
        }
        router.get("/ops/ledger") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let prefix = request.uri.queryParameters.get("prefix").map { String($0) } ?? ""
            let accounts = try await ledger.accounts(startingWith: prefix, limit: 500).map { account, balance in
                (id: account.id, currency: account.currency.code,
                 balance: try Money(minorUnits: balance.creditsPosted, currency: account.currency)
                    .subtracting(Money(minorUnits: balance.debitsPosted, currency: account.currency)).description)
            }
            return Responses.html(PaymentPages.ledger(accounts, prefix: prefix, language: LanguageChoice.language(of: request)))
        }
        router.get("/ops/ledger/accounts/:id") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let id = context.parameters.get("id") ?? ""
            guard try await !ledger.balances(of: [id]).isEmpty else { throw Problem.notFound }
            let l = LanguageChoice.language(of: request)
            let transfers = try await ledger.history(of: id, limit: 500).map { transfer in
                (id: transfer.id, kind: transfer.kind.rawValue, code: transfer.code, debit: transfer.debit, credit: transfer.credit,
                 amount: transfer.amount.description, at: ShownTime.inBeijing(transfer.at, l),
                 order: Books.orderID(inAccount: transfer.debit) ?? Books.orderID(inAccount: transfer.credit))
            }
            return Responses.html(PaymentPages.account(id, transfers: transfers, language: l))
        }
        router.get("/ops/orders/:id") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let l = LanguageChoice.language(of: request)
            guard let order = try await orders.order(context.parameters.get("id") ?? "") else { throw Problem.notFound }
            let escrow = try await platform.releases.escrow(of: order.id, status: order.status)
            let merchant = try await catalog.storefronts(featuredPerStore: 0, includingSuspended: true).first { $0.merchant.id == order.merchantID }?.merchant
            let held = try await RiskCaseService(store: store, engine: configuration.risk, refunds: platform.refunds).hold(of: order.id)
            let refunds = try await platform.refunds.refunds(of: order.id)
            let returned = try await ReturnService(store: store, refunds: platform.refunds).returns(of: order.id)
            return pages.page(request) { csrf, l in
                let panel = PaymentPages.escrowPanel(escrow, order: order, csrf: "", language: l)
                    + "<p><a href=\"/ops/ledger/accounts/\(escapeHTML(Books.escrow(order.id).id))\">\(escapeHTML(Books.escrow(order.id).id))</a></p>"
                    + OpsOrderPanel.render(order, held: held, refunds: refunds, returns: returned, csrf: csrf, language: l)
                return ShoppingPages.order(order, merchant: merchant, csrf: "", language: l, escrow: panel, path: "/ops/orders/\(order.id)")
            }
        }
        router.post("/ops/orders/:id/refund") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            let amount: Money
            do { amount = try Money(decimal: (form["amount"] ?? "").trimmingCharacters(in: .whitespaces), currency: .CNY) } catch {
                throw Problem.validation("the amount in yuan, as 12.50", field: "amount")
            }
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { throw Problem.validation("say why the money goes back", field: "reason") }
            // The page's own refund id: the form sent twice is one refund.
            let refundID = form["refundId"].flatMap { $0.hasPrefix("r-ops-") && $0.count <= 64 ? $0 : nil } ?? "r-ops-" + Secrets.token()
            _ = try await platform.refunds.refund(id, amount: amount, reason: reason, requestedBy: "ops:platform", refundID: refundID, at: Date())
            return pages.redirect(to: "/ops/orders/\(id)")
        }
        router.get("/ops/reconciliation") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            return pages.page(request) { csrf, l in
                PaymentPages.reconciliation(channels: platform.channels.profiles.map(\.name), mismatches: nil, csrf: csrf, error: nil, language: l)
            }
        }
        router.post("/ops/reconciliation") { request, _ in
            let form = try await pages.postedForm(request, limit: configuration.maxImportBytes)
            try await OpsAuthorization.require(request, configuration)
            let l = LanguageChoice.language(of: request)
            let names = platform.channels.profiles.map(\.name)
            do {
                let found = try await platform.reconciliation.reconcile(channel: form["channel"] ?? "", statement: form["statement"] ?? "")
                return Responses.html(PaymentPages.reconciliation(channels: names, mismatches: found, csrf: form["csrf"] ?? "", error: nil, language: l))
            } catch let error as StatementError {
                return Responses.html(PaymentPages.reconciliation(channels: names, mismatches: nil, csrf: form["csrf"] ?? "",
                                                                  error: error.description, language: l), status: .unprocessableContent)
            }
        }
        router.get("/ops/channels/:channel/statement.csv") { request, context in
            try await OpsAuthorization.require(request, configuration)
            guard let channel = platform.channels[context.parameters.get("channel") ?? ""] else { throw Problem.notFound }
            return Responses.text(Reconciliation.statementCSV(try await channel.statement()), contentType: "text/csv; charset=utf-8")
        }
    }

    var ledger: LedgerService { LedgerService(store: store) }
    var consoles: ConsoleSessions { configuration.consoles ?? ConsoleSessions(store: store) }

    /// A console session's cookie: its own token, never the ops token or a merchant key.
    private func consoleCookie(_ name: String, _ session: String) -> Cookie {
        Cookie(name: name, value: session, maxAge: Int(ConsoleSessions.lifetime), path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// Ends the console session in `cookie` and clears the cookie.
    private func signOut(_ request: Request, cookie name: String, to location: String) async throws -> Response {
        if let session = request.cookies[name]?.value { try await consoles.close(session) }
        return pages.redirect(to: location, setting: Cookie(name: name, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true,
                                                            sameSite: .strict))
    }





}
