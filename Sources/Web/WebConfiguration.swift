import Foundation
import Services

/// What the HTTP layer needs to know that is not in the database.
public struct WebConfiguration: Sendable {
    /// The bearer token that ops calls (setting rates) must present.
    public var opsToken: String
    /// How old an exchange rate may be and still be used.
    public var rateMaxAge: TimeInterval
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maxBodyBytes: Int
    /// The largest catalogue import accepted, in bytes.
    public var maxImportBytes: Int
    /// Seals personal data (mobile numbers) at rest.
    public var cipher: FieldCipher
    /// bcrypt's work factor for passwords; tests lower it to stay quick.
    public var bcryptCost: UInt8
    /// How long a checkout quote holds its prices.
    public var quoteLifetime: TimeInterval = 15 * 60
    /// Keeps the rate book in memory for a moment across requests; none in tests, which record
    /// rates behind the application's back.
    public var rateCache: RateBookCache?
    /// Keeps live sessions in memory for a moment; none in tests, which end sessions behind the
    /// application's back.
    public var sessionCache: SessionCache?
    /// The real-name check for ePass enrolment; the sandbox stands in for the provider.
    public var identityChecker: any IdentityChecker = SandboxIdentityChecker()
    /// The payment channels, payouts and the rest; the sandbox ones unless the process wires its own.
    public var payments: PaymentPlatform?
    /// The risk signals and rules in memory; `serve` shares it with the round that reads other processes' orders.
    public var risk = RiskEngine()
    /// Customs declarations; the sandbox customs unless the process wires its own.
    public var declarations: DeclarationService?
    /// The wallet, tills and tax-free refunds; a sandbox one on the payment platform's channels when nil.
    public var travel: TravelPlatform?
    /// The local carrier for the last mile; the sandbox one unless the process wires its own.
    public var carrier: (any CarrierGateway)?
    /// The secret logistics partners (hub, airline, carrier) sign their tracking webhooks with.
    public var trackingSecret: String = Secrets.token()
    /// The secret the partner channel signs its callbacks with.
    public var callbackSecret: String = Secrets.token()
    /// The ops and merchant consoles' sessions; `buildRouter` opens them on its store.
    public var consoles: ConsoleSessions?
    /// How long a connection may send nothing before it is closed: idle keep-alive connections,
    /// and clients that trickle a request's head in (slowloris).
    public var idleTimeoutSeconds: Int = 30

    public init(opsToken: String, cipher: FieldCipher, rateMaxAge: TimeInterval = 24 * 3600, maxBodyBytes: Int = 1 << 20,
                maxImportBytes: Int = 32 << 20, bcryptCost: UInt8 = 12) {
        self.opsToken = opsToken
        self.cipher = cipher
        self.rateMaxAge = rateMaxAge
        self.maxBodyBytes = maxBodyBytes
        self.maxImportBytes = maxImportBytes
        self.bcryptCost = bcryptCost
    }
}
