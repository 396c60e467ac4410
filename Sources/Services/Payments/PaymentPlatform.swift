import Commerce
import Foundation
import Storage

/// Everything that moves money, wired once per process: the channels, payments, refunds,
/// releases, payouts and reconciliation, and the background round that settles what is open.
public struct PaymentPlatform: Sendable {
    public let channels: PaymentChannels
    public var payments: PaymentService
    public let refunds: RefundService
    public let releases: ReleaseService
    public let payouts: PayoutService
    public let reconciliation: ReconciliationService
    /// The partner channels whose sandbox sends callbacks, to deliver them in this process.
    let partners: [SandboxChannel]

    /// The sandbox channels (a direct bank and a partner institution) and the sandbox payout bank.
    public static func sandbox(store: any Store, rates: RateService, cipher: FieldCipher, callbackSecret: String,
                               channelDelay: Duration = .zero, partnerSettleAfter: TimeInterval = 2) -> PaymentPlatform {
        let debtor = PayoutDebtor(name: "CrossBorder Payments Ltd", iban: .registryExample, bic: "WESTGB2L")
        let bank = SandboxChannel(kind: .directBank, name: "bank", store: store, delay: channelDelay)
        let partner = SandboxChannel(kind: .partner, name: "partner", store: store, delay: channelDelay, settleAfter: partnerSettleAfter,
                                     callbackSecret: callbackSecret)
        let channels = PaymentChannels([bank, partner])
        var payments = PaymentService(store: store, channels: channels, health: ChannelHealth(), cipher: cipher)
        payments.callbackSecrets = ["partner": callbackSecret]
        return PaymentPlatform(
            channels: channels, payments: payments, refunds: RefundService(store: store, rates: rates, channels: channels),
            releases: ReleaseService(store: store, rates: rates),
            payouts: PayoutService(store: store, bank: SandboxPayoutBank(processingTime: 5), debtor: debtor),
            reconciliation: ReconciliationService(store: store), partners: [partner])
    }

    /// One round of background work: partners' due callbacks delivered, open payments settled
    /// by asking their channels, unsent refunds sent, escrow released after the confirmation
    /// window, and the bank's payout reports applied.
    public func settleOpenWork(at now: Date) async throws {
        for partner in partners {
            _ = try await partner.deliverDueCallbacks(at: now) { timestamp, body, signature in
                try await payments.receiveCallback(channel: partner.profile.name, timestamp: timestamp, signature: signature, body: body, at: now)
            }
        }
        try await payments.recover(at: now)
        try await refunds.resendUnsent(at: now)
        try await releases.releaseDue(at: now)
        try await payouts.collectReports(at: now)
    }
}
