import Commerce
import Foundation
import Money
import Services

struct PaymentDocument: Codable {
    let id: String
    let groupId: String
    let channel: String
    let amount: ProductDocument.Amount
    let status: String
    let reference: String?
    let failure: String?
    let createdAt: String

    init(_ payment: PaymentView) {
        id = payment.id
        groupId = payment.groupID
        channel = payment.channel
        amount = .init(payment.amount)
        status = payment.status.rawValue
        reference = payment.reference
        failure = payment.failure
        createdAt = payment.createdAt.ISO8601Format()
    }
}

struct ReleaseDocument: Codable {
    let orderId: String
    let goodsCny: ProductDocument.Amount
    let share: ProductDocument.Amount
    let converted: ProductDocument.Amount
    let fxGain: ProductDocument.Amount
    let commission: ProductDocument.Amount
    let quoteRate: String
    let releaseRate: String
    let releasedAt: String

    init(_ release: ReleaseRecord) {
        orderId = release.orderID
        goodsCny = .init(release.goodsCNY)
        share = .init(release.share)
        converted = .init(release.converted)
        fxGain = .init(release.fxGain)
        commission = .init(release.commission)
        quoteRate = release.quoteRate
        releaseRate = release.releaseRate
        releasedAt = release.releasedAt.ISO8601Format()
    }
}

struct RefundDocument: Codable {
    let id: String
    let orderId: String
    let paymentId: String
    let amount: ProductDocument.Amount
    let reason: String
    let status: String

    init(_ refund: RefundView) {
        id = refund.id
        orderId = refund.orderID
        paymentId = refund.paymentID
        amount = .init(refund.amount)
        reason = refund.reason
        status = refund.status
    }
}

struct EscrowDocument: Codable {
    let orderId: String
    let state: String
    let held: ProductDocument.Amount
    let refunded: ProductDocument.Amount
    let release: ReleaseDocument?

    init(_ escrow: EscrowView) {
        orderId = escrow.orderID
        state = escrow.state.rawValue
        held = .init(escrow.held)
        refunded = .init(escrow.refunded)
        release = escrow.release.map(ReleaseDocument.init)
    }
}

struct MismatchDocument: Codable {
    let kind: String
    let reference: String
    let movement: String
    let statement: ProductDocument.Amount?
    let ledger: ProductDocument.Amount?

    init(_ mismatch: Mismatch) {
        kind = mismatch.kind.rawValue
        reference = mismatch.reference
        movement = mismatch.movement.rawValue
        statement = mismatch.statement.map(ProductDocument.Amount.init)
        ledger = mismatch.ledger.map(ProductDocument.Amount.init)
    }
}

/// A merchant's money: what escrow holds for its orders (CNY), what it is owed and can be paid
/// (its currency), and what payouts hold on the way to its bank.
struct SettlementDocument: Codable {
    struct Balance: Codable {
        let currency: String
        let available: ProductDocument.Amount
        let inPayout: ProductDocument.Amount
    }

    let merchantId: String
    let pendingInEscrow: ProductDocument.Amount
    let balances: [Balance]
    let payouts: [PayoutDocument]
}

struct PayoutDocument: Codable {
    let id: String
    let batchId: String
    let amount: ProductDocument.Amount
    let status: String
    let reason: String
    let createdAt: String

    init(_ payout: PayoutView) {
        id = payout.id
        batchId = payout.batchID
        amount = .init(payout.amount)
        status = payout.status
        reason = payout.reason
        createdAt = payout.createdAt.ISO8601Format()
    }
}
