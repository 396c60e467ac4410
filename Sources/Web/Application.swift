import Hummingbird
import Logging
import ServiceLifecycle
import Services
import Storage

/// Builds the whole HTTP application on a store. The executable and the tests use this one
/// function, so what is tested is what runs.
public func buildApplication(
    store: any Store,
    configuration: WebConfiguration,
    metrics: PlatformMetrics,
    address: BindAddress = .hostname("127.0.0.1", port: 8080),
    services: [any Service] = [],
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(store: store, configuration: configuration, metrics: metrics)
    return Application(
        router: router,
        // A connection that sends nothing for this long is closed: one that is idle between
        // requests, and one that trickles its headers in (slowloris), whose head never completes.
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: ApplicationConfiguration(address: address, serverName: "CrossBorder"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger)
}

public func buildRouter(store: any Store, configuration given: WebConfiguration, metrics: PlatformMetrics) -> Router<BasicRequestContext> {
    var configuration = given
    if configuration.consoles == nil { configuration.consoles = ConsoleSessions(store: store) }
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ObservingMiddleware(metrics: metrics))
    let catalog = CatalogService(store: store)
    let rates = RateService(store: store, maxAge: configuration.rateMaxAge, cache: configuration.rateCache)
    var accounts = AccountService(store: store, cipher: configuration.cipher, bcryptCost: configuration.bcryptCost)
    accounts.sessions = configuration.sessionCache
    var checkout = CheckoutService(store: store, rates: rates)
    checkout.quoteLifetime = configuration.quoteLifetime
    let risk = RiskService(store: store, engine: configuration.risk, cipher: configuration.cipher)
    checkout.risk = risk
    // Before every route: the header of each page says who is signed in and what the cart holds.
    let notices = NoticeService(store: store)
    router.add(middleware: PageViewerMiddleware(accounts: accounts, checkout: checkout, notices: notices))
    SystemRoutes(store: store, metrics: metrics).register(on: router)
    PageRoutes(catalog: catalog, search: CatalogSearch(store: store), rates: rates, configuration: configuration).register(on: router)
    StoresAPI(catalog: catalog).register(on: router)
    let idempotency = IdempotencyService(store: store)
    RatesAPI(rates: rates, idempotency: idempotency, configuration: configuration).register(on: router)
    ProductsAPI(search: CatalogSearch(store: store), catalog: catalog, rates: rates).register(on: router)
    let merchantCatalog = MerchantCatalogService(store: store, rates: rates)
    let photos = ProductPhotoService(store: store, catalog: merchantCatalog)
    MerchantCatalogAPI(keys: MerchantKeyService(store: store), catalog: merchantCatalog, rates: rates, photos: photos,
                       idempotency: idempotency, configuration: configuration).register(on: router)
    let orders = OrderService(store: store)
    let limiter = SignInLimiter()
    let identities = IdentityService(store: store, cipher: configuration.cipher, checker: configuration.identityChecker)
    let tracking = TrackingService(store: store, webhookSecret: configuration.trackingSecret)
    let estimates = DeliveryEstimateService(store: store, tracking: tracking)
    ConsumerAPI(accounts: accounts, identities: identities, checkout: checkout, orders: orders, estimates: estimates, idempotency: idempotency,
                limiter: limiter, configuration: configuration).register(on: router)
    var platform = configuration.payments ?? PaymentPlatform.sandbox(store: store, rates: rates, cipher: configuration.cipher,
                                                                     callbackSecret: configuration.callbackSecret)
    platform.payments.risk = risk
    let declarations = configuration.declarations
        ?? DeclarationService(store: store, cipher: configuration.cipher, gateway: SandboxCustoms(store: store), refunds: platform.refunds)
    let returns = ReturnService(store: store, refunds: platform.refunds)
    ShopRoutes(accounts: accounts, identities: identities, catalog: catalog, checkout: checkout, orders: orders, rates: rates, limiter: limiter,
               platform: platform, declarations: declarations, estimates: estimates, returns: returns, configuration: configuration).register(on: router)
    ReturnRoutes(returns: returns, orders: orders, accounts: accounts, idempotency: idempotency, pages: PageResponses(accounts: accounts, configuration: configuration),
                 configuration: configuration).register(on: router)
    SearchSynonymRoutes(synonyms: SearchSynonymService(store: store), pages: PageResponses(accounts: accounts, configuration: configuration),
                        configuration: configuration).register(on: router)
    NoticesAPI(accounts: accounts, notices: notices, idempotency: idempotency, configuration: configuration).register(on: router)
    NoticeRoutes(accounts: accounts, notices: notices, pages: PageResponses(accounts: accounts, configuration: configuration))
        .register(on: router)
    DeclarationRoutes(declarations: declarations, orders: orders, configuration: configuration).register(on: router)
    let keys = MerchantKeyService(store: store)
    MerchantKeysAPI(keys: keys, idempotency: idempotency, configuration: configuration).register(on: router)
    let applications = MerchantApplicationService(store: store, cipher: configuration.cipher)
    let review = ApplicationReview(store: store, applications: applications)
    let documents = DocumentService(store: store, cipher: configuration.cipher)
    MerchantApplicationsAPI(applications: applications, review: review, documents: documents, idempotency: idempotency, configuration: configuration).register(on: router)
    ApplicationReviewAPI(review: review, documents: documents, idempotency: idempotency, configuration: configuration).register(on: router)
    CatalogueRoutes(catalog: merchantCatalog, photos: photos, review: review, keys: keys, store: store,
                    pages: PageResponses(accounts: accounts, configuration: configuration)).register(on: router)
    let banks = PartnerBankService(store: store)
    let onboarding = ClientOnboardingService(store: store, applications: applications)
    let bankClients = PartnerBankClients(store: store, review: review)
    PartnerBanksAPI(banks: banks, onboarding: onboarding, clients: bankClients, applications: applications, search: CatalogSearch(store: store),
                    rates: rates, idempotency: idempotency, configuration: configuration).register(on: router)
    BankRoutes(banks: banks, onboarding: onboarding, clients: bankClients, search: CatalogSearch(store: store), rates: rates, idempotency: idempotency,
               pages: PageResponses(accounts: accounts, configuration: configuration)).register(on: router)
    let brands = BrandAuthorisationService(store: store)
    let counterfeits = CounterfeitService(store: store, cipher: configuration.cipher)
    BrandsAPI(brands: brands, counterfeits: counterfeits, keys: keys, accounts: accounts, idempotency: idempotency, configuration: configuration)
        .register(on: router)
    BrandRoutes(brands: brands, counterfeits: counterfeits, catalog: catalog, accounts: accounts, keys: keys, store: store,
                pages: PageResponses(accounts: accounts, configuration: configuration)).register(on: router)
    ApplicationRoutes(applications: applications, review: review, documents: documents, keys: keys, store: store, pages: PageResponses(accounts: accounts, configuration: configuration))
        .register(on: router)
    ApplicationReviewRoutes(review: review, documents: documents, store: store, pages: PageResponses(accounts: accounts, configuration: configuration))
        .register(on: router)
    LogisticsRoutes(tracking: tracking, estimates: estimates, orders: orders, accounts: accounts, keys: keys, idempotency: idempotency,
                    configuration: configuration).register(on: router)
    HubRoutes(hub: HubService(store: store, tracking: tracking), idempotency: idempotency, accounts: accounts,
              configuration: configuration).register(on: router)
    let carrier = configuration.carrier ?? SandboxCarrier(store: store, secret: configuration.trackingSecret)
    DashboardRoutes(sales: LiveSales(store: store), metrics: metrics, configuration: configuration).register(on: router)
    ParcelRoutes(lastMile: LastMileService(store: store, tracking: tracking, carrier: carrier, refunds: platform.refunds),
                 configuration: configuration).register(on: router)
    PaymentsAPI(platform: platform, buyNow: BuyNowService(store: store, checkout: checkout, payments: platform.payments), accounts: accounts, orders: orders, keys: keys, idempotency: idempotency, store: store,
                configuration: configuration).register(on: router)
    PaymentRoutes(platform: platform, accounts: accounts, orders: orders, catalog: catalog, keys: keys, store: store,
                  configuration: configuration).register(on: router)
    let travel = configuration.travel ?? TravelPlatform.sandbox(store: store, rates: rates, channels: platform.channels, cipher: configuration.cipher)
    TravelAPI(travel: travel, rates: rates, accounts: accounts, keys: keys, idempotency: idempotency, configuration: configuration)
        .register(on: router)
    TravelRoutes(travel: travel, rates: rates, accounts: accounts, keys: keys, store: store, configuration: configuration).register(on: router)
    WorkFailureRoutes(store: store, idempotency: idempotency, accounts: accounts, configuration: configuration)
        .register(on: router)
    OpsFindRoutes(search: OpsSearch(store: store, cipher: configuration.cipher), pages: PageResponses(accounts: accounts, configuration: configuration),
                  configuration: configuration).register(on: router)
    RiskRoutes(rules: RiskRuleService(store: store, engine: configuration.risk),
               cases: RiskCaseService(store: store, engine: configuration.risk, refunds: platform.refunds),
               pages: PageResponses(accounts: accounts, configuration: configuration), configuration: configuration).register(on: router)
    return router
}
