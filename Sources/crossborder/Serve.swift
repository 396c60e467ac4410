import ArgumentParser
import Commerce
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Services
import Storage
import Web

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the platform: migrations applied, demo data loaded on first start, HTTP on 127.0.0.1:8080.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (env CROSSBORDER_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port (env CROSSBORDER_PORT; default 8080).")
    var port: Int?

    @Option(name: .customLong("ops-token"),
            help: "Bearer token for ops calls (env CROSSBORDER_OPS_TOKEN; default: a new random token, printed at start).")
    var opsToken: String?

    @Option(name: .customLong("rate-max-age"),
            help: "Seconds an exchange rate stays usable (env CROSSBORDER_RATE_MAX_AGE; default 86400).")
    var rateMaxAge: Int?

    @Option(name: .customLong("data-key"),
            help: "Base64 of the 32-byte key that seals personal data (env CROSSBORDER_DATA_KEY; with SQLite and no key, one is made beside the database file).")
    var dataKey: String?

    @Option(name: .customLong("quote-minutes"),
            help: "How long a checkout quote holds its prices (env CROSSBORDER_QUOTE_MINUTES; default 15).")
    var quoteMinutes: Int?

    @Flag(name: .customLong("no-demo"), help: "Do not load the demo data into an empty database (env CROSSBORDER_DEMO=0).")
    var noDemo = false

    @Flag(name: .customLong("no-rate-feed"),
          help: "Do not run the sandbox rate feed that keeps the demo rates fresh (env CROSSBORDER_RATE_FEED=off).")
    var noRateFeed = false

    @Option(name: .customLong("group-commit"),
            help: "Gather concurrent writes into one transaction: on, off (one transaction each), or auto, which is on (env CROSSBORDER_GROUP_COMMIT).")
    var groupCommit: String?

    @Option(name: .customLong("channel-delay-ms"),
            help: "How long the sandbox payment channels take to answer, in milliseconds (env CROSSBORDER_CHANNEL_DELAY_MS; default 10).")
    var channelDelayMS: Int?

    @Option(name: .customLong("sanctions-list"),
            help: "A sanctions list in OFAC's sdn.csv layout to screen applicants against (env CROSSBORDER_SANCTIONS_LIST; default the invented sample list).")
    var sanctionsList: String?

    @Option(name: .customLong("idle-timeout"),
            help: "Close a connection that sends nothing for this many seconds: idle keep-alive, or a request's head trickled in (env CROSSBORDER_IDLE_TIMEOUT; default 30).")
    var idleTimeout: Int?

    @Option(name: .customLong("smtp-host"),
            help: "The SMTP relay that sends buyers' notices by e-mail (env CROSSBORDER_SMTP_HOST; default none: notices wait in the outbox and show on the site).")
    var smtpHost: String?

    @Option(name: .customLong("smtp-port"), help: "The SMTP relay's port (env CROSSBORDER_SMTP_PORT; default 25).")
    var smtpPort: Int?

    @Option(name: .customLong("mail-from"), help: "The address notices are sent from (env CROSSBORDER_MAIL_FROM; default notices@crossborder.localhost).")
    var mailFrom: String?

    @Option(name: .customLong("public-url"),
            help: "The site as buyers reach it, for the links in e-mails (env CROSSBORDER_PUBLIC_URL; default http://HOST:PORT).")
    var publicURL: String?

    func validate() throws {
        if let smtpHost, smtpHost.isEmpty { throw ValidationError("--smtp-host must not be empty") }
        if let smtpPort, !(1...65535).contains(smtpPort) { throw ValidationError("--smtp-port \(smtpPort) is not a port (1 to 65535)") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
        if let idleTimeout, !(1...3600).contains(idleTimeout) { throw ValidationError("--idle-timeout must be from 1 to 3600 seconds") }
        if let groupCommit, !["on", "off", "auto"].contains(groupCommit) { throw ValidationError("--group-commit is on, off or auto") }
        if let channelDelayMS, !(0...60_000).contains(channelDelayMS) { throw ValidationError("--channel-delay-ms must be from 0 to 60000") }
        if let port, !(0...65535).contains(port) { throw ValidationError("--port \(port) is not a port (0 to 65535)") }
        if let rateMaxAge, rateMaxAge <= 0 { throw ValidationError("--rate-max-age must be a positive number of seconds") }
        if let quoteMinutes, !(1...1440).contains(quoteMinutes) { throw ValidationError("--quote-minutes must be from 1 to 1440") }
        if let host, host.isEmpty { throw ValidationError("--host must not be empty") }
    }

    /// The list in the file at `path`, or the sample list when there is none.
    static func sanctions(path: String?) throws -> SanctionsList {
        guard let path else { return try SanctionsList(sdnCSV: SanctionsSample.sdnCSV) }
        do {
            return try SanctionsList(sdnCSV: try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            throw CommandFailure("--sanctions-list \(path): \(error)")
        }
    }

    func run() async throws {
        let host = self.host ?? Environment.value("CROSSBORDER_HOST") ?? "127.0.0.1"
        let port = try self.port ?? Environment.integer("CROSSBORDER_PORT", in: 0...65535) ?? 8080
        let maxAge = try rateMaxAge ?? Environment.integer("CROSSBORDER_RATE_MAX_AGE", in: 1...Int(Int32.max)) ?? 86400
        let quoteMinutes = try self.quoteMinutes ?? Environment.integer("CROSSBORDER_QUOTE_MINUTES", in: 1...1440) ?? 15
        let loadDemo = !noDemo && Environment.value("CROSSBORDER_DEMO") != "0"
        let runFeed = !noRateFeed && Environment.value("CROSSBORDER_RATE_FEED") != "off"
        let generatedToken = opsToken == nil && Environment.value("CROSSBORDER_OPS_TOKEN") == nil
        let token = opsToken ?? Environment.value("CROSSBORDER_OPS_TOKEN") ?? Serve.randomToken()
        let logger = Logs.make("crossborder")
        let metrics = PlatformMetrics()
        let url = try database.resolved()
        let cipher = try DataKey.cipher(flag: dataKey, database: url)
        let groupCommitChoice = groupCommit ?? Environment.value("CROSSBORDER_GROUP_COMMIT") ?? "auto"
        let channelDelay = try channelDelayMS ?? Environment.integer("CROSSBORDER_CHANNEL_DELAY_MS", in: 0...60_000) ?? 10
        let idleTimeout = try self.idleTimeout ?? Environment.integer("CROSSBORDER_IDLE_TIMEOUT", in: 1...3600) ?? 30

        try await database.withOpenStore(logger: logger, metrics: metrics) { opened in
            let claim: SoleServer?
            do { claim = try url.sqlitePath.map(SoleServer.init(claiming:)) } catch { throw CommandFailure("\(error)") }
            defer { withExtendedLifetime(claim) {} }
            let grouped = groupCommitChoice != "off"
            let store: any Store = grouped ? GroupCommitStore(opened) : opened
            let applied = try await store.migrate()
            if !applied.isEmpty { logger.info("applied migrations \(applied) to \(url)") }
            let sealed = try await PersonalDataSealing(store: store, cipher: cipher).sealLegacyRows()
            if sealed > 0 { logger.info("sealed the names and streets of \(sealed) address and order rows written before they were sealed") }
            if loadDemo, try await DemoLoader.loadIfAbsent(into: store, at: Date()) {
                logger.info("loaded the demo data into \(url)")
            }
            if loadDemo, try await DemoApplicants.loadIfAbsent(into: store, cipher: cipher, at: Date()) {
                logger.info("loaded the demo applicants into \(url)")
            }
            if loadDemo, try await DemoBankClients.loadIfAbsent(into: store, cipher: cipher, at: Date()) {
                logger.info("loaded the demo partner bank and its clients into \(url)")
            }
            if loadDemo, try await DemoReports.loadIfAbsent(into: store, cipher: cipher, at: Date()) {
                logger.info("loaded the demo counterfeit report into \(url)")
            }
            let brands = BrandAuthorisationService(store: store)
            let coverage = try await brands.coverageRound(at: Date())
            if coverage.withdrawn > 0 { logger.info("withdrew \(coverage.withdrawn) product(s) no brand authorisation covers today") }
            let orders = OrderService(store: store)
            var services: [any Service] = [PeriodicService(name: "the unpaid-order sweep", interval: .seconds(60), logger: logger) {
                let expired = try await orders.expireUnpaid(at: Date())
                if expired > 0 { logger.info("cancelled \(expired) unpaid order(s) whose payment window closed") }
                try await AccountService.purgeResetLinks(in: store, at: Date())
            }]
            if runFeed && loadDemo {
                services.append(PeriodicService(name: "the sandbox rate feed", interval: .seconds(3600), logger: logger) {
                    try await DemoLoader.refreshRates(in: store, at: Date())
                })
            }
            var configuration = WebConfiguration(opsToken: token, cipher: cipher, rateMaxAge: TimeInterval(maxAge))
            configuration.quoteLifetime = TimeInterval(quoteMinutes * 60)
            configuration.idleTimeoutSeconds = idleTimeout
            configuration.rateCache = RateBookCache()
            configuration.sessionCache = SessionCache()
            if let secret = Environment.value("CROSSBORDER_WEBHOOK_SECRET") { configuration.trackingSecret = secret }
            // One payment platform for the routes and the background work, so both see the same sandbox bank.
            let payments = PaymentPlatform.sandbox(
                store: store, rates: RateService(store: store, maxAge: TimeInterval(maxAge)), cipher: cipher,
                callbackSecret: configuration.callbackSecret, channelDelay: .milliseconds(channelDelay))
            configuration.payments = payments
            let declarations = DeclarationService(store: store, cipher: cipher, gateway: SandboxCustoms(store: store), refunds: payments.refunds)
            configuration.declarations = declarations
            let tracking = TrackingService(store: store, webhookSecret: configuration.trackingSecret)
            let lastMile = LastMileService(store: store, tracking: tracking,
                                           carrier: SandboxCarrier(store: store, secret: configuration.trackingSecret), refunds: payments.refunds)
            services.append(PeriodicService(name: "the last mile", interval: .seconds(1), logger: logger) {
                try await lastMile.run(at: Date())
            })
            services.append(PeriodicService(name: "the customs declarations", interval: .seconds(1), logger: logger) {
                try await declarations.declareDue(at: Date())
                try await declarations.collectResults(at: Date())
            })
            let risk = configuration.risk
            let keyed = try await RiskService(store: store, engine: risk, cipher: cipher).keyOlderAddresses()
            if keyed > 0 { logger.info("keyed \(keyed) addresses saved before the risk signals for them") }
            // Orders other processes placed (several serve on one PostgreSQL), and ops' edits to rules, blocks and cases.
            services.append(PeriodicService(name: "the risk signals' refresh", interval: .seconds(2), logger: logger) {
                try await risk.refresh(from: store)
            })
            services.append(PeriodicService(name: "the payment settler", interval: .seconds(1), logger: logger) {
                try await payments.settleOpenWork(at: Date())
            })
            let travel = TravelPlatform.sandbox(store: store, rates: RateService(store: store, maxAge: TimeInterval(maxAge)),
                                                channels: payments.channels, cipher: cipher)
            configuration.travel = travel
            services.append(PeriodicService(name: "the travellers' top-ups and tax-free forms", interval: .seconds(1), logger: logger) {
                try await travel.round(at: Date())
            })
            let site = SiteAddress(given: publicURL ?? Environment.value("CROSSBORDER_PUBLIC_URL"), host: host, port: port)
            if let mailer = try mailer(cipher: cipher, store: store, site: site, logger: logger) {
                services.append(PeriodicService(name: "the notice mailer", interval: .seconds(5), logger: logger) {
                    try await mailer.round(at: Date())
                })
            } else {
                logger.info("no SMTP relay (--smtp-host): buyers' notices show on the site and wait in the outbox for one")
            }
            let sanctions = try Serve.sanctions(path: sanctionsList ?? Environment.value("CROSSBORDER_SANCTIONS_LIST"))
            let verification = VerificationService(
                store: store, applications: MerchantApplicationService(store: store, cipher: cipher),
                registry: SandboxRegistry(outageRate: 0.1), bank: SandboxBankAccounts(outageRate: 0.1), sanctions: sanctions)
            services.append(PeriodicService(name: "the merchant applications' checks", interval: .seconds(2), logger: logger) {
                try await verification.run(at: Date())
            })
            // Authorisations lapse at a day's end: a quarter-hour round finds them soon after.
            services.append(PeriodicService(name: "the brand authorisations' coverage", interval: .seconds(900), logger: logger) {
                let moved = try await brands.coverageRound(at: Date())
                if moved.withdrawn + moved.restored > 0 {
                    logger.info("brand coverage: withdrew \(moved.withdrawn), put back \(moved.restored) product(s)")
                }
            })
            services.append(PeriodicService(name: "the daily payouts", interval: .seconds(3600), logger: logger) {
                let batches = try await payments.payouts.run(on: Day(beijing: Date()), at: Date())
                if !batches.isEmpty { logger.info("submitted payout batches \(batches.map(\.id))") }
            })
            let app = buildApplication(
                store: store, configuration: configuration,
                metrics: metrics, address: .hostname(host, port: port), services: services, logger: logger
            ) { boundPort in
                site.listens(host: host, port: boundPort)
                Console.line("CrossBorder is serving \(url) on http://\(host):\(boundPort)")
                if generatedToken { Console.line("ops token for this run: \(token)") }
            }
            do {
                try await app.runService()
            } catch where "\(error)".contains("Address already in use") {
                throw CommandFailure("cannot listen on \(host):\(port): the address is already in use")
            }
        }
    }

    /// The outbox's sender, when a relay is configured.
    func mailer(cipher: FieldCipher, store: any Store, site: SiteAddress, logger: Logger) throws -> NoticeMailer? {
        guard let relay = smtpHost ?? Environment.value("CROSSBORDER_SMTP_HOST") else { return nil }
        let relayPort = try smtpPort ?? Environment.integer("CROSSBORDER_SMTP_PORT", in: 1...65535) ?? 25
        let from = mailFrom ?? Environment.value("CROSSBORDER_MAIL_FROM") ?? "notices@crossborder.localhost"
        do {
            return try NoticeMailer(store: store, cipher: cipher, transport: SMTPRelay(host: relay, port: relayPort), from: from,
                                    publicURL: { site.url }, logger: logger)
        } catch {
            throw CommandFailure("--mail-from \(from): \(error)")
        }
    }

    static func randomToken() -> String {
        Secrets.token()
    }
}
