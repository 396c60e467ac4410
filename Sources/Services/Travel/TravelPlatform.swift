import Commerce
import Foundation
import Money
import Storage

/// Money abroad, wired once per process: the wallet, the tills and tax-free refunds, and the
/// background round that settles open top-ups and moves forms on.
public struct TravelPlatform: Sendable {
    public let wallets: WalletService
    public let tills: TillService
    public let taxFree: TaxFreeService
    let store: any Store

    public init(store: any Store, wallets: WalletService, tills: TillService, taxFree: TaxFreeService) {
        self.store = store
        self.wallets = wallets
        self.tills = tills
        self.taxFree = taxFree
    }

    /// The platform on the payment channels `channels`, with the sandbox validation systems
    /// answering `answerDelay` after a form is registered.
    public static func sandbox(store: any Store, rates: RateService, channels: PaymentChannels, cipher: FieldCipher,
                               answerDelay: TimeInterval = 20) -> TravelPlatform {
        TravelPlatform(
            store: store, wallets: WalletService(store: store, channels: channels, cipher: cipher), tills: TillService(store: store, rates: rates),
            taxFree: TaxFreeService(store: store, rates: rates, gateway: SandboxExportValidation(store: store, answerDelay: answerDelay)))
    }

    /// Pays a scanned charge from the wallet; with `channel`, what the wallet lacks (and any debt
    /// it owes, which a top-up pays first) is topped up from that channel before, as its own
    /// committed top-up, so that the charge is paid from a channel when the wallet is short.
    public func payCharge(token: String, by consumer: Consumer, topUpFrom channel: String?, key: String, at now: Date) async throws
        -> (changes: [Change], payment: TillPayment) {
        if let channel {
            let charge = try await tills.charge(token: token, for: consumer, at: now)
            let needed = try await tills.rates.book().convert(charge.amount, to: .CNY, at: now).converted
            let wallet = try await wallets.wallet(of: consumer.id)
            let missing = try needed.subtracting(wallet.balance).adding(wallet.debt)
            if missing.minorUnits > 0 {
                let (changes, topUp) = try await wallets.topUp(consumer, amount: missing, channel: channel, key: "\(key) top-up", at: now)
                do {
                    try await store.apply(changes)
                } catch StoreError.conflict {
                    // A retry of the same request: its top-up was booked the first time.
                }
                guard topUp.status == .succeeded else { throw TravelError.topUpNotSettled(topUp.status.rawValue) }
            }
        }
        return try await tills.payCharge(token: token, by: consumer, key: key, at: now)
    }

    public func round(at now: Date) async throws {
        try await wallets.recover(at: now)
        try await taxFree.round(at: now)
    }
}
