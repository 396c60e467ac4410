import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Money
import Services

/// The buyer's pages that change things: account, cart, checkout and orders. Every form post
/// checks the CSRF token and answers with a redirect (post/redirect/get).
struct ShopRoutes<Context: RequestContext> {
    let accounts: AccountService
    let identities: IdentityService
    let catalog: CatalogService
    let checkout: CheckoutService
    let orders: OrderService
    let rates: RateService
    let limiter: SignInLimiter
    let platform: PaymentPlatform
    let declarations: DeclarationService
    let estimates: DeliveryEstimateService
    let returns: ReturnService
    let configuration: WebConfiguration

    var pages: PageResponses { PageResponses(accounts: accounts, configuration: configuration) }

    func register(on router: Router<Context>) {
        router.get("/account/signup") { request, _ in
            pages.page(request) { csrf, l in AccountPages.signUp(csrf: csrf, next: next(request), language: l) }
        }
        router.post("/account/signup") { request, _ in
            let form = try await pages.postedForm(request)
            let l = LanguageChoice.language(of: request)
            let destination = safeNext(form["next"])
            do {
                _ = try await accounts.signUp(email: form["email"] ?? "", password: form["password"] ?? "",
                                              displayName: form["displayName"] ?? "", at: Date())
                let (_, token) = try await accounts.signIn(email: form["email"] ?? "", password: form["password"] ?? "", at: Date())
                return pages.redirect(to: destination, setting: BrowserSession.signedIn(token))
            } catch let error as AccountError {
                return pages.page(request) { csrf, l in AccountPages.signUp(csrf: csrf, next: destination, email: form["email"] ?? "", error: error.message, language: l) }
            } catch let error as AccountFailure {
                return Responses.html(AccountPages.signUp(csrf: form["csrf"] ?? "", next: destination, email: form["email"] ?? "",
                                                          error: error.description, language: l), status: .conflict)
            }
        }
        router.get("/account/signin") { request, _ in
            pages.page(request) { csrf, l in AccountPages.signIn(csrf: csrf, next: next(request), language: l) }
        }
        router.post("/account/signin") { request, _ in
            let form = try await pages.postedForm(request)
            let email = form["email"] ?? ""
            let destination = safeNext(form["next"])
            let l = LanguageChoice.language(of: request)
            do {
                let (_, token) = try await limiter.signIn(email: email, at: Date()) {
                    try await accounts.signIn(email: email, password: form["password"] ?? "", at: Date())
                }
                return pages.redirect(to: destination, setting: BrowserSession.signedIn(token))
            } catch let locked as SignInLimiter.Locked {
                return Responses.html(AccountPages.signIn(csrf: form["csrf"] ?? "", next: destination, email: email,
                                                          error: Words.tooManySignIns(minutes: (locked.retryAfter + 59) / 60)(l), language: l),
                                      status: .tooManyRequests, headers: [.retryAfter: String(locked.retryAfter)])
            } catch let failure as AccountFailure {
                return Responses.html(AccountPages.signIn(csrf: form["csrf"] ?? "", next: destination, email: email,
                                                          error: failure.description, language: l), status: .unauthorized)
            }
        }
        router.post("/account/signout") { request, _ in
            _ = try await pages.postedForm(request)
            if let token = BrowserSession.token(request) { try await accounts.signOut(token: token) }
            return pages.redirect(to: "/", setting: BrowserSession.signedOut())
        }
        router.get("/account") { request, _ in
            try await pages.signedInPage(request) { consumer, csrf, l in try await accountPage(consumer, csrf: csrf, error: nil, language: l) }
        }
        router.post("/account/addresses") { request, _ in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            do {
                _ = try await accounts.addAddress(try Self.address(form), for: consumer, at: Date())
                return pages.redirect(to: "/account")
            } catch let error as AccountError {
                // The form comes back as it was typed, the refusal above it.
                return Responses.html(try await accountPage(consumer, csrf: form["csrf"] ?? "", error: error.description, typed: form,
                                                            language: LanguageChoice.language(of: request)),
                                      status: .unprocessableContent)
            }
        }
        router.post("/account/addresses/:id/default") { request, context in
            _ = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            try await accounts.makeDefault(context.parameters.get("id") ?? "", of: consumer)
            return pages.redirect(to: "/account")
        }
        router.post("/account/addresses/:id") { request, context in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            do {
                _ = try await accounts.replaceAddress(context.parameters.get("id") ?? "", with: try Self.address(form), for: consumer, at: Date())
                return pages.redirect(to: "/account")
            } catch let error as AccountError {
                return Responses.html(try await accountPage(consumer, csrf: form["csrf"] ?? "", error: error.description, language: LanguageChoice.language(of: request)),
                                      status: .unprocessableContent)
            }
        }
        router.post("/account/addresses/:id/delete") { request, context in
            _ = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            try await accounts.deleteAddress(context.parameters.get("id") ?? "", of: consumer)
            return pages.redirect(to: "/account")
        }
        router.post("/account/password") { request, _ in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let l = LanguageChoice.language(of: request)
            do {
                try await accounts.changePassword(of: consumer, current: form["currentPassword"] ?? "", new: form["newPassword"] ?? "",
                                                  keeping: BrowserSession.token(request), at: Date())
                return Responses.html(try await accountPage(consumer, csrf: form["csrf"] ?? "", notice: Words.passwordChanged(l), language: l))
            } catch let error as AccountError {
                return Responses.html(try await accountPage(consumer, csrf: form["csrf"] ?? "", passwordError: error.description, language: l),
                                      status: .unprocessableContent)
            } catch AccountFailure.wrongPassword {
                return Responses.html(try await accountPage(consumer, csrf: form["csrf"] ?? "", passwordError: Words.wrongPassword(l), language: l),
                                      status: .unprocessableContent)
            }
        }
        router.post("/account/identity") { request, _ in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            do {
                _ = try await identities.enrol(consumer, name: form["name"] ?? "", idNumber: form["idNumber"] ?? "",
                                               mobile: form["mobile"] ?? "", at: Date())
                return pages.redirect(to: "/account")
            } catch let error as AccountError {
                return Responses.html(try await accountPage(consumer, csrf: form["csrf"] ?? "", error: error.description,
                                                            language: LanguageChoice.language(of: request)),
                                      status: .unprocessableContent)
            }
        }
        router.get("/cart") { request, _ in
            try await pages.signedInPage(request) { consumer, csrf, l in
                ShoppingPages.cart(try await checkout.cartItems(of: consumer), addresses: try await accounts.addresses(of: consumer),
                                   rates: try await rates.book(), now: Date(), csrf: csrf, language: l)
            }
        }
        router.post("/cart/lines") { request, _ in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let sku = form["sku"] ?? ""
            guard let quantity = Int64(form["quantity"] ?? "") else { throw Problem.validation("a whole number", field: "quantity") }
            var target = quantity
            if form["add"] != nil {
                target += try await checkout.cart(of: consumer).first { $0.skuID == sku }?.quantity ?? 0
            }
            try await checkout.setCartLine(sku, quantity: target, for: consumer, at: Date())
            return pages.redirect(to: "/cart")
        }
        router.post("/checkout") { request, _ in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let quote = try await checkout.quote(for: consumer, addressID: form["address"] ?? "", origin: OrderOrigin(device: try DeviceIdentifier.of(request)), at: Date())
            return pages.redirect(to: "/checkout/\(quote.id)")
        }
        router.get("/checkout/:quote") { request, context in
            try await pages.signedInPage(request) { consumer, csrf, l in
                guard let quote = try await checkout.storedQuote(context.parameters.get("quote") ?? "", of: consumer) else {
                    throw Problem.notFound
                }
                let address = try await accounts.address(quote.addressID, of: consumer).saved
                return ShoppingPages.checkout(quote, merchants: try await merchants(), address: address,
                                              estimates: try await estimates.forQuote(quote, at: Date()), csrf: csrf, language: l)
            }
        }
        router.post("/checkout/:quote/place") { request, context in
            _ = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let placed = try await checkout.placeGroup(context.parameters.get("quote") ?? "", for: consumer, origin: OrderOrigin(device: try DeviceIdentifier.of(request)), at: Date())
            return pages.redirect(to: "/orders/group/\(placed.groupID)/pay")
        }
        router.get("/orders") { request, _ in
            try await pages.signedInPage(request) { consumer, _, l in
                ShoppingPages.orders(try await orders.orders(of: consumer), merchants: try await merchants(), language: l)
            }
        }
        router.get("/orders/:id") { request, context in
            try await pages.signedInPage(request) { consumer, csrf, l in
                try await orderPage(context.parameters.get("id") ?? "", of: consumer, csrf: csrf, language: l)
            }
        }
        router.post("/orders/:id/return") { request, context in
            let form = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let id = context.parameters.get("id") ?? ""
            do {
                _ = try await returns.request(id, for: consumer, reason: form["reason"] ?? "", at: Date())
                return pages.redirect(to: "/orders/\(id)")
            } catch let refusal as CatalogError {
                return try await refusedReturn(request, id, of: consumer, refusal.message)
            } catch let refusal as ReturnRefusal {
                return try await refusedReturn(request, id, of: consumer, refusal.description)
            }
        }
        router.post("/orders/:id/cancel") { request, context in
            _ = try await pages.postedForm(request)
            let consumer = try await pages.mustBeSignedIn(request)
            let id = context.parameters.get("id") ?? ""
            guard try await orders.order(id, of: consumer) != nil else { throw Problem.notFound }
            try await orders.transition(id, to: .cancelled, by: .buyer(consumer.id), at: Date(), note: "cancelled by the buyer")
            return pages.redirect(to: "/orders/\(id)")
        }
    }

    // MARK: helpers

    /// The address a posted address form names (a new one or one changed).
    static func address(_ form: [String: String]) throws(AccountError) -> DeliveryAddress {
        try DeliveryAddress(province: form["province"] ?? "", city: form["city"] ?? "", district: form["district"] ?? "",
                            street: form["street"] ?? "", recipient: form["recipient"] ?? "", mobile: form["mobile"] ?? "")
    }

    /// The buyer's order page; `returnRefused`: why the return just asked for was not taken, beside its form.
    private func orderPage(_ id: String, of consumer: Consumer, csrf: String, returnRefused: String? = nil, language l: Language) async throws -> String {
        guard let order = try await orders.order(id, of: consumer) else { throw Problem.notFound }
        let escrow = try await platform.releases.escrow(of: order.id, status: order.status)
        let declaration = try await declarations.declaration(of: order.id)
        return ShoppingPages.order(order, merchant: try await merchants()[order.merchantID], csrf: csrf, language: l,
                                   escrow: LogisticsPages.estimate(try await estimates.forOrder(order.id, at: Date()), language: l)
                                       + PaymentPages.escrowPanel(escrow, order: order, csrf: csrf, language: l)
                                       + DeclarationPages.status(declaration, language: l)
                                       + ReturnPages.buyerPanel(order, returns: try await returns.returns(of: order.id), csrf: csrf,
                                                                refused: returnRefused, language: l))
    }

    private func refusedReturn(_ request: Request, _ id: String, of consumer: Consumer, _ message: String) async throws -> Response {
        var response = try await pages.pageAsync(request) { csrf, l in try await orderPage(id, of: consumer, csrf: csrf, returnRefused: message, language: l) }
        response.status = .unprocessableContent
        return response
    }

    /// The account page: identity, allowance, addresses, and what went wrong with a form.
    private func accountPage(_ consumer: Consumer, csrf: String, error: String? = nil, typed: [String: String] = [:], notice: String? = nil,
                             passwordError: String? = nil, language l: Language) async throws -> String {
        AccountPages.account(consumer, addresses: try await accounts.addresses(of: consumer),
                             identity: try await identities.identity(of: consumer),
                             allowance: try await identities.allowance(of: consumer, at: Date()), csrf: csrf, error: error, typed: typed,
                             notice: notice, passwordError: passwordError, language: l)
    }

    private func merchants() async throws -> [String: Merchant] {
        Dictionary(try await catalog.storefronts(featuredPerStore: 0, includingSuspended: true).map { ($0.merchant.id, $0.merchant) },
                   uniquingKeysWith: { first, _ in first })
    }





    private func next(_ request: Request) -> String { safeNext(request.uri.queryParameters.get("next").map { String($0) }) }

    /// Only a path on this site: never an open redirect to another one.
    private func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

}
