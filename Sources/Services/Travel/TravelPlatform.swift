import Commerce
import Foundation
import Storage

/// Money abroad, wired once per process: the wallet, the tills and tax-free refunds, and the
/// background round that settles open top-ups and moves forms on.
public struct TravelPlatform: Sendable {
    public let wallets: WalletService
    public let tills: TillService
    public let taxFree: TaxFreeService

    public init(wallets: WalletService, tills: TillService, taxFree: TaxFreeService) {
        self.wallets = wallets
        self.tills = tills
        self.taxFree = taxFree
    }

    /// The platform on the payment channels `channels`, with the sandbox validation systems
    /// answering `answerDelay` after a form is registered.
    public static func sandbox(store: any Store, rates: RateService, channels: PaymentChannels, cipher: FieldCipher,
                               answerDelay: TimeInterval = 20) -> TravelPlatform {
        TravelPlatform(
            wallets: WalletService(store: store, channels: channels, cipher: cipher), tills: TillService(store: store, rates: rates),
            taxFree: TaxFreeService(store: store, rates: rates, gateway: SandboxExportValidation(store: store, answerDelay: answerDelay)))
    }

    public func round(at now: Date) async throws {
        try await wallets.recover(at: now)
        try await taxFree.round(at: now)
    }
}
